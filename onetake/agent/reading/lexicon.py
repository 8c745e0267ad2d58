"""Word classes the reading needs, by meaning, per language.

These are closed classes (time units, the nouns that name a video, verbs that instruct
the video maker, words of tone and camera), not phrasings: the parser finds the
structure, these say what a structural slot means. Lemmas, lower case.
"""

from __future__ import annotations

import re

# Nouns that name the video itself: a duration attached to one of these is the video's length.
# The last joint of a series, in every language read: "a, b and c", "a, b y c", "a, b et c", "a, b und c".
CONJUNCTIONS = {"and", "or", "y", "e", "o", "u", "et", "ou", "und", "oder", "ed"}
# "Explainer from Spoke & Chain": a name after these is the maker's, unless it names a presenter ("from a CTO")
FROM_WORDS = {"from", "by", "von", "par", "por", "da", "di"}
# "for X" and "in Y" in a request: who the video is for, and where they are.
FOR_WORDS = {"for", "about", "on", "introducing", "de", "pour", "für", "para", "per", "sur", "über", "sobre"}
IN_WORDS = {"in", "en", "à", "a", "in", "em", "im", "au", "no", "na", "at", "on"}
NAME_PARTICLES = {"&", "da", "de", "del", "di", "do", "dos", "das", "du", "des", "von", "van", "der", "la", "le", "el", "and", "y", "e", "et", "und"}
# Chinese direction nouns (no parser: matched in the text): tone, style, colour, music, rhythm, format.
ZH_DIRECTION_NOUNS = ("语气", "语调", "风格", "色调", "配色", "颜色", "音乐", "节奏", "画面", "字幕", "竖屏", "横屏")
# Where a video is posted: naming one sets the format, it is not something to say ("9:16 for Instagram").
PLATFORMS = {"instagram", "facebook", "linkedin", "youtube", "tiktok", "snapchat", "pinterest", "reels", "shorts",
             "stories", "抖音", "快手", "小红书", "微信"}
VIDEO_NOUNS = {
    "en": {"video", "explainer", "reel", "ad", "advert", "advertisement", "clip", "spot", "teaser", "promo", "short",
           "tutorial", "walkthrough", "trailer", "recap", "update", "message", "announcement", "intro", "overview",
           "demo", "story", "post", "commercial", "presentation", "film", "piece", "version", "cut", "pitch",
           "invite", "invitation", "lesson", "briefing", "notice", "welcome", "onboarding", "showcase", "segment",
           "testimonial", "appeal", "launch", "webinar", "tiktok", "length", "runtime", "duration", "tour",
           "guide", "how-to", "howto", "summary", "roundup", "bulletin", "snippet", "profile", "sizzle", "montage",
           "hello", "greeting", "shout-out", "shoutout", "thank-you", "farewell", "explainer"},
    "es": {"vídeo", "video", "anuncio", "clip", "reel", "spot", "tutorial", "promo", "duración"},
    "fr": {"vidéo", "video", "clip", "spot", "publicité", "reel", "tutoriel", "promo", "durée"},
    "de": {"video", "clip", "spot", "werbespot", "reel", "tutorial", "film", "dauer", "länge", "erklärvideo"},
    "pt": {"vídeo", "video", "anúncio", "clipe", "reel", "tutorial", "promo", "duração"},
    "it": {"video", "clip", "spot", "reel", "tutorial", "promo", "durata"},
    "zh": {"视频", "短片", "宣传片", "广告", "短视频", "时长"},
}

# Time units: seconds per unit.
TIME_UNITS = {
    "en": {"second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60},
    "es": {"segundo": 1, "segundos": 1, "seg": 1, "minuto": 60, "minutos": 60, "min": 60},
    "fr": {"seconde": 1, "secondes": 1, "sec": 1, "minute": 60, "minutes": 60, "min": 60},
    "de": {"sekunde": 1, "sekunden": 1, "sek": 1, "minute": 60, "minuten": 60, "min": 60},
    "pt": {"segundo": 1, "segundos": 1, "seg": 1, "minuto": 60, "minutos": 60, "min": 60},
    "it": {"secondo": 1, "secondi": 1, "sec": 1, "minuto": 60, "minuti": 60, "min": 60},
    "zh": {"秒": 1, "秒钟": 1, "分钟": 60, "分": 60},
}

PORTRAIT_WORDS = {
    "en": {"vertical", "portrait", "9:16", "tiktok", "reels", "reel", "shorts", "stories", "story", "snapchat"},
    "es": {"vertical", "9:16", "tiktok", "reels", "reel", "stories"},
    "fr": {"vertical", "verticale", "portrait", "9:16", "tiktok", "reels", "reel", "stories"},
    "de": {"hochformat", "vertikal", "vertikales", "vertikalen", "9:16", "tiktok", "reels", "reel", "stories"},
    "pt": {"vertical", "9:16", "tiktok", "reels", "reel", "stories"},
    "it": {"verticale", "9:16", "tiktok", "reels", "reel", "stories"},
    "zh": {"竖屏", "竖版", "竖向", "9:16", "抖音", "快手"},
}
# "square" names the frame only beside a word about the video ("square format", "1 minute, square,"): a town
# square or "5,000 square feet" does not; "1:1" always does.
SQUARE_WORDS = {"square", "cuadrado", "cuadrada", "carré", "carrée", "quadratisch", "quadrado", "quadrada", "quadrato", "方形"}
SQUARE_NEIGHBOURS = {"format", "video", "aspect", "frame", "crop", "ratio", "version", "post", "clip", "cut", "formato",
                     "vídeo", "vidéo", "formate", "视频", "格式"}
LANDSCAPE_WORDS = {
    "en": {"horizontal", "landscape", "widescreen", "16:9", "youtube"},
    "es": {"horizontal", "16:9", "apaisado"},
    "fr": {"horizontal", "horizontale", "paysage", "16:9"},
    "de": {"querformat", "horizontal", "16:9"},
    "pt": {"horizontal", "16:9", "paisagem"},
    "it": {"orizzontale", "16:9"},
    "zh": {"横屏", "横版", "16:9"},
}
# Words that make "portrait"/"vertical"/"story" something else: a portrait photo, a vertical farm.
NOT_ORIENTATION_AFTER = {"of", "photo", "photograph", "painting", "shot", "farm", "integration", "market", "slice",
                         "line", "lines", "axis", "stripe", "stripes", "scroll", "mode"}

# Verbs with which a brief instructs its maker; their complement is what to say or show.
INSTRUCTION_VERBS = {
    "mention", "say", "state", "note", "explain", "compare", "contrast", "tell", "highlight", "emphasize", "emphasise", "stress",
    "point", "announce", "introduce", "showcase", "cover", "talk", "include", "add", "list", "describe",
    "remind", "share", "present", "feature", "spotlight", "walk", "demonstrate", "demo", "outline", "invite",
    "encourage", "urge", "ask", "celebrate", "thank", "welcome", "promote", "pitch", "recap", "summarize",
    "summarise", "communicate", "convey", "reveal", "teach", "give", "end", "close", "finish", "open", "start",
    "begin", "wrap", "conclude", "let", "inform", "reassure", "warn", "remember", "make",
}
# Verbs that ask for the video itself ("Create a video ...", "We need a reel ...").
REQUEST_VERBS = {"create", "make", "produce", "generate", "build", "write", "need", "want", "film", "shoot",
                 "record", "prepare", "design", "craft", "put", "do", "render", "draft", "like", "love", "summarise",
                 "summarize", "turn", "convert", "adapt"}
# Verbs that ask for something to be seen.
SHOW_VERBS = {"show", "display", "depict", "feature", "include", "use", "add", "insert", "cut", "open", "overlay"}
# Nouns that name footage or pictures: "B-roll of X", "shots of X", "images of X".
VISUAL_NOUNS = {"b-roll", "broll", "footage", "shot", "shots", "close-up", "closeup", "image", "images",
                "photo", "photos", "picture", "pictures", "clip", "clips", "visual", "visuals", "diagram",
                "diagrams", "icon", "icons", "graphic", "graphics", "animation", "animations", "cutaway",
                "cutaways", "montage", "illustration", "illustrations", "scene", "scenes", "view", "views", "macro",
                "overlay", "overlays", "moment", "moments", "insert", "inserts", "chart", "charts", "map", "maps"}

# Words that only direct the production: a unit made of these and function words is a direction.
TONE_WORDS = {
    "calm", "reassuring", "earnest", "hopeful", "warm", "friendly", "upbeat", "energetic", "playful", "fun",
    "serious", "professional", "confident", "bold", "elegant", "luxurious", "premium", "minimal", "minimalist",
    "modern", "sleek", "clean", "polished", "casual", "conversational", "authoritative", "trustworthy",
    "inspiring", "inspirational", "empathetic", "caring", "gentle", "soft", "punchy", "witty", "quirky",
    "humorous", "light", "lighthearted", "light-hearted", "sincere", "heartfelt", "emotional", "dramatic",
    "cinematic", "moody", "dark", "bright", "cheerful", "optimistic", "urgent", "excited", "exciting",
    "approachable", "sophisticated", "refined", "tasteful", "understated", "natural", "relaxed", "informal",
    "formal", "crisp", "concise", "clear", "direct", "honest", "authentic", "genuine", "human", "respectful",
    "supportive", "encouraging", "curious", "intelligent", "smart", "trendy", "youthful", "vibrant", "lively",
    "dynamic", "fast", "fast-paced", "slow", "steady", "measured", "smooth", "simple", "classic", "retro",
    "futuristic", "corporate", "institutional", "technical", "factual", "neutral", "celebratory", "festive",
    "cozy", "cosy", "intimate", "uplifting", "motivational", "positive", "edgy", "raw", "gritty", "glossy",
    "engaging", "compelling", "persuasive", "passionate", "enthusiastic", "proud", "humble", "straightforward",
    "no-nonsense", "matter-of-fact", "plain", "kind", "patient", "thoughtful", "brisk", "lighthearted",
    "sober", "solemn", "respectful", "reverent", "welcoming", "inviting", "contemporary", "articulate",
    "poised", "natural", "quick", "snappy", "tight", "short", "brief", "punchy", "loud", "quiet",
}
DIRECTION_NOUNS = {
    "tono", "ton", "tom", "tonalità", "couleurs", "couleur", "colores", "farben", "farbe", "cores", "colori",
    "colore", "musique", "música", "musik", "musica", "stimmung", "atmosphäre", "ambiente", "ambiance", "ritmo", "rythme", "tempo",
    "tone", "voice", "feel", "vibe", "vibes", "mood", "style", "look", "aesthetic", "pace", "pacing", "energy",
    "delivery", "palette", "colour", "colours", "color", "colors", "scheme", "accent", "accents", "font", "fonts",
    "typography", "music", "soundtrack", "track", "score", "beat", "lighting", "light", "backdrop", "background",
    "camera", "framing", "shot", "shots", "cut", "cuts", "edit", "edits", "editing", "transition", "transitions",
    "caption", "captions", "subtitle", "subtitles", "graphics", "graphic", "lower-third", "lower-thirds", "third",
    "thirds", "title", "titles", "text", "overlay", "motion", "zoom", "pan", "grain", "depth", "field", "format",
    "ratio", "aspect", "orientation", "length", "duration", "runtime", "resolution", "branding", "finish",
    "production", "quality", "rhythm", "tempo", "presenter", "host", "narrator", "avatar", "spokesperson",
    "speaker", "narration", "voiceover", "voice-over", "lut", "grade", "grading", "filter", "effect", "effects",
    "contrast", "treatment", "logo", "watermark", "card", "cards", "screen", "frame", "frames", "closeup",
    "close-up", "close-ups", "angle", "angles", "b-roll", "broll", "animation", "animations", "sound", "sfx",
}
CAMERA_WORDS = {"close-up", "closeup", "close-ups", "wide", "medium", "handheld", "drone", "aerial", "zoom", "pan",
                "tilt", "dolly", "tracking", "push-in", "slow-motion", "slow-mo", "timelapse", "time-lapse",
                "depth", "bokeh", "cinematic", "grain", "jump", "cuts", "transitions", "lut", "framing"}
MUSIC_MOODS = {"calm", "upbeat", "cinematic", "playful", "luxurious", "corporate", "moody", "energetic"}
# Labels that name a direction field ("Tone: ...", "Presenter: ...").
DIRECTION_LABELS = {
    "tone", "voice", "style", "look", "feel", "vibe", "mood", "music", "soundtrack", "palette", "colours", "colors",
    "colour", "color", "brand colours", "brand colors", "presenter", "host", "narrator", "avatar", "spokesperson",
    "format", "length", "duration", "runtime", "orientation", "aspect ratio", "ratio", "visual style", "visuals",
    "pacing", "pace", "camera", "editing", "fonts", "font", "typography", "lighting", "setting", "delivery",
    "notes", "production notes", "style notes", "direction", "directions", "platform", "audio",
    # other languages
    "tono", "estilo", "música", "presentador", "presentadora", "formato", "duración", "colores", "ton", "style",
    "musique", "présentateur", "présentatrice", "durée", "couleurs", "ton", "stil", "musik", "sprecher",
    "sprecherin", "dauer", "farben", "tom", "estilo", "apresentador", "apresentadora", "duração", "cores", "tono",
    "stile", "musica", "presentatore", "presentatrice", "durata", "colori", "语气", "风格", "音乐", "主持人", "时长",
    "颜色", "格式",
}
# Labels of requested scenes, by role.
SCENE_ROLES = {
    "hook": "hook", "opening": "hook", "open": "hook", "opener": "hook", "intro": "hook", "introduction": "hook",
    "teaser": "hook", "attention": "hook", "welcome": "hook", "headline": "hook",
    "problem": "problem", "pain": "problem", "pain point": "problem", "challenge": "problem", "issue": "problem",
    "before": "problem", "context": "problem", "background": "problem", "why": "problem",
    "solution": "solution", "answer": "solution", "product": "solution", "reveal": "solution", "after": "solution",
    "how it works": "steps", "how": "steps", "demo": "solution", "value": "solution", "pitch": "solution",
    "features": "features", "feature": "features", "benefits": "features", "benefit": "features",
    "highlights": "features", "what you get": "features", "perks": "features", "menu": "features",
    "offer": "features", "details": "features", "agenda": "features", "topics": "features", "modules": "features",
    "quote": "quote", "testimonial": "quote", "customer quote": "quote", "review": "quote", "social proof": "quote",
    "stats": "stats", "stat": "stats", "numbers": "stats", "results": "stats", "figures": "stats",
    "impact": "stats", "proof": "stats", "data": "stats", "key figures": "stats", "by the numbers": "stats",
    "steps": "steps", "step": "steps", "process": "steps", "instructions": "steps", "how to": "steps",
    "cta": "cta", "call to action": "cta", "call-to-action": "cta", "close": "cta", "closing": "cta",
    "outro": "cta", "ending": "cta", "end": "cta", "sign-off": "cta", "next steps": "cta", "action": "cta",
    "body": "body", "main": "body", "middle": "body", "story": "body", "scene": "body", "section": "body",
    "part": "body", "segment": "body",
}
# Labels whose content is a field of the brief, not a scene.
FIELD_LABELS = {"title": "title", "headline": "title", "on-screen title": "title", "brand": "brand",
                "company": "brand", "product": "brand", "name": "brand", "audience": "audience",
                "target audience": "audience", "for": "audience", "viewers": "audience", "offer": "offer",
                "deal": "offer", "price": "fact", "when": "fact", "where": "fact", "date": "fact", "time": "fact",
                "location": "fact", "venue": "fact", "deadline": "fact", "contact": "cta", "url": "cta",
                "website": "cta", "link": "cta", "phone": "cta", "order": "cta", "book": "cta", "buy": "cta",
                "shop": "cta", "register": "cta", "sign up": "cta", "rsvp": "cta", "tickets": "cta",
                "booking": "cta", "enquiries": "cta", "inquiries": "cta", "theme": "subject", "topic": "subject",
                "subject": "subject", "concept": "subject", "premise": "subject", "about": "subject",
                "key message": "subject", "message": "subject", "main message": "subject", "key point": "subject",
                "note": "subject", "nb": "subject", "ps": "subject"}
# Orders to the maker that head a list ("List the three rules: ...", "Cover: ..."): the heading is what follows them.
LIST_VERBS = {"list", "cover", "include", "mention", "highlight", "introduce", "present", "name", "explain", "outline"}
# Imperatives that ask the viewer to act: a sentence led by one of these is a call to action.
CTA_VERBS = {"book", "visit", "call", "sign", "register", "download", "order", "shop", "apply", "join", "donate",
             "subscribe", "follow", "try", "get", "contact", "email", "rsvp", "reserve", "buy", "start", "learn",
             "discover", "find", "claim", "grab", "enroll", "enrol", "schedule", "text", "message", "head",
             "stop", "come", "pre-order", "preorder", "install", "request", "sponsor", "volunteer", "give",
             "check", "explore", "watch", "dm", "tap", "click", "scan", "upgrade", "save", "attend"}
# Addressees of an instruction: "tell viewers", "remind staff".
AUDIENCE_NOUNS = {"viewer", "viewers", "people", "them", "everyone", "customer", "customers", "staff", "employee",
                  "employees", "team", "teams", "user", "users", "audience", "listeners", "students", "parents",
                  "guests", "members", "visitors", "clients", "patients", "readers", "followers", "fans",
                  "residents", "riders", "drivers", "shoppers", "buyers", "attendees", "colleagues", "everybody",
                  "folks", "hires", "workers", "volunteers", "donors", "supporters", "developers", "learners"}
GREETINGS = ("hi", "hello", "hey", "welcome", "meet")


def scene_role(label: str) -> str:
    """The role a scene label names ("problem", "customer quote" -> "quote"), or ""."""
    label = label.strip().lower()
    if label in SCENE_ROLES:
        return SCENE_ROLES[label]
    words = re.findall(r"[\w-]+", label)
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            if " ".join(words[k:k + n]) in SCENE_ROLES:
                return SCENE_ROLES[" ".join(words[k:k + n])]
    return ""
