"""Word classes of chat follow-ups: what edit verbs, scene names and approvals sound like.

Classes of words, matched on spaCy lemmas, not phrasings: "drop", "cut", "lose" and "scrap"
all remove; "ending", "outro" and "call to action" all name the closing scene.
"""

from __future__ import annotations

REMOVE_VERBS = {"drop", "remove", "cut", "delete", "skip", "lose", "omit", "scrap", "ditch", "kill", "exclude", "erase", "axe"}
MOVE_VERBS = {"move", "put", "swap", "switch", "reorder", "place", "bring", "shift"}
SHORTEN_VERBS = {"shorten", "trim", "tighten", "condense", "compress", "cut down", "abbreviate"}
LENGTHEN_VERBS = {"lengthen", "expand", "extend", "elaborate"}
CHANGE_VERBS = {"change", "rewrite", "reword", "rephrase", "replace", "make", "edit", "update", "turn", "set"}
ADD_VERBS = {"add", "include", "mention", "insert", "append"}
TONE_VERBS = {"make", "sound", "feel", "keep", "go", "be", "want", "need"}
ALL_VERBS = REMOVE_VERBS | MOVE_VERBS | SHORTEN_VERBS | LENGTHEN_VERBS | CHANGE_VERBS | ADD_VERBS | {"use", "say", "show", "try", "give", "pick", "choose",
                                                                                       "take", "leave"}  # "take out", "leave out"

SAY_WORDS = {"say", "says", "saying", "read", "reads", "narrate", "line"}
SHORTER = {"shorter", "briefer", "tighter", "snappier", "quicker", "faster"}
LONGER = {"longer", "slower"}
WHOLE_VIDEO = {"it", "video", "whole", "everything", "overall", "this", "clip"}
TONE_MARKERS = {"more", "less", "tone", "mood", "feel", "vibe", "sound", "style", "little", "bit", "lot", "much", "too", "warmer", "bolder"}
NOT_TONE = {"short", "brief", "quick", "fast", "slow", "tight", "loud", "quiet", "light", "dark", "clear", "simple", "direct"}

SCENE_NOUNS = ["scene", "scenes", "part", "slide", "shot", "section", "segment", "card", "beat"]
PART_NOUNS = ["part", "bit", "section", "line", "sentence", "mention", "piece", "stuff"]
OPENING_NOUNS = {"intro", "introduction", "opening", "opener", "beginning", "start", "hook", "greeting"}
ENDING_NOUNS = {"ending", "end", "outro", "close", "closing", "conclusion", "cta", "sign-off", "signoff", "finale", "closer"}
QUOTE_NOUNS = {"quote", "testimonial", "review"}
STAT_NOUNS = {"stat", "stats", "statistic", "statistics", "number", "numbers", "figure", "figures"}
LIST_NOUNS = {"list", "bullets", "bullet", "features", "steps", "points"}

PERSON_NOUNS = {"presenter", "host", "avatar", "narrator", "someone", "somebody", "person", "spokesperson", "woman", "man", "lady",
                "guy", "female", "male", "one", "people", "anchor", "speaker", "face"}
YOUNGER = {"younger"}
DEEPER = {"deeper", "lower", "baritone"}
HIGHER = {"higher", "lighter"}
MUSIC_NOUNS = {"music", "soundtrack", "song", "track", "tune", "score", "bed"}
COLOUR_WORDS = {"colour", "colours", "color", "colors", "palette", "background", "theme", "mode"}
NEGATIONS = {"no", "without", "off", "none", "silent", "mute", "stop"}
DISLIKE = {"dislike", "hate", "like", "love", "keen", "fan"}  # with a negation: "I don't like the presenter", "not a fan of the voice"
DARKER = {"darker", "dark", "night", "moodier"}
LIGHTER = {"lighter", "light", "brighter", "bright", "white"}
TITLE_NOUNS = {"title", "headline", "heading", "name"}
TOO_LONG = {"long", "wordy", "slow", "drawn-out", "lengthy"}  # "the intro is too long": shorten it
TOO_SHORT = {"short", "quick", "rushed", "abrupt"}
# Accents a voice may be asked for, as the language tag it would speak (the catalogue says which exist).
ACCENTS = {"british": "en-GB", "english": "en-GB", "uk": "en-GB", "american": "en-US", "us": "en-US", "australian": "en-AU",
           "irish": "en-IE", "scottish": "en-GB", "indian": "en-IN", "canadian": "en-CA", "brazilian": "pt-BR", "portuguese": "pt-PT",
           "spanish": "es-ES", "mexican": "es-MX", "french": "fr-FR", "german": "de-DE", "italian": "it-IT", "dutch": "nl-NL",
           "polish": "pl-PL", "hindi": "hi-IN", "chinese": "zh-CN", "mandarin": "zh-CN"}

CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "last": 0, "final": 0}

# Whole-message intents: a message made only of these words approves or thanks.
APPROVAL = {"yes", "yep", "yeah", "yup", "ok", "okay", "k", "approve", "approved", "good", "great", "perfect", "fine", "lgtm",
            "go", "ahead", "proceed", "ship", "render", "generate", "sure", "love", "nice", "excellent", "awesome", "👍", "👌",
            "looks good", "sounds good", "go ahead", "go for it", "ship it", "do it", "make it", "that works", "all good",
            "let's go", "lets go", "go on", "alright", "correct", "right", "cool", "amazing", "brilliant", "wonderful", "works"}
THANKS = {"thanks", "thank", "thx", "ty", "cheers", "appreciated", "appreciate", "🙏", "thank you", "many thanks", "great job", "well done"}
FILLER = {"it", "this", "that", "looks", "look", "sounds", "you", "very", "so", "much", "really", "all", "the", "a", "and", "is",
          "lot", "please", "now", "just", "me", "to", "for", "i", "we", "s", "that's", "it's", "job", "done", "with", "of", "as", "go"}
# Wishes without a target: asked back, not guessed ("make it better").
VAGUE = {"better", "nicer", "improve", "improved", "fix", "different", "wrong", "meh", "boring", "off", "dislike", "hate", "bad",
         "pop", "better."}
VAGUE_QUESTION = ("What should change? I can change the length, the orientation, the presenter or voice, the tone, the music, "
                  "the colours or style, the closing line, or a scene (say its number, or what it is about: rewrite, shorten, drop or move it).")
WHAT_I_CAN_CHANGE = ("I could not turn that into a change. I can change the length (\"make it 20 seconds\"), the orientation "
                     "(\"a vertical version\"), the presenter or voice (\"a female presenter\", \"a deeper voice\"), the tone, the music, "
                     "the colours or style, the title, the closing line (\"end with 'Visit example.com'\"), a line (\"say X instead of Y\"), or a scene "
                     "(\"drop scene 2\", \"make the intro shorter\", \"move the quote to the end\", \"add a line about ...\").")

PHRASES = {p for p in APPROVAL | THANKS if " " in p}
