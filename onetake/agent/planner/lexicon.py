"""Word lists the rules share. Plain data, no logic."""

from __future__ import annotations

import re

# Words that describe how the video is made. Never spoken.
PRODUCTION_TERMS = (
    r"b-?\s?rolls?",
    r"cut-?aways?",
    r"close-?ups?",
    r"(?:medium|wide|tight|establishing|tracking|aerial|drone|overhead|hero|macro|beauty|product|detail|insert)\s+shots?",
    r"shots?\s+of",
    r"lower[- ]?thirds?",
    r"captions?",
    r"subtitles?",
    r"cinematic",
    r"transitions?",
    r"lighting",
    r"backdrops?",
    r"soundtrack",
    r"music\s+bed",
    r"background\s+music",
    r"motion\s+graphics?",
    r"graphics?",
    r"overlays?",
    r"title\s+cards?",
    r"end\s+cards?",
    r"depth\s+of\s+field",
    r"bokeh",
    r"camera",
    r"film\s+grain",
    r"aspect\s+ratio",
    r"16\s*[:x]\s*9",
    r"9\s*[:x]\s*16",
    r"fps",
    r"render(?:ing|ed)?",
    r"editing",
    r"edits",
    r"pacing",
    r"colou?r\s+grad(?:e|ing)",
    r"palette",
    r"avatar",
    r"on-?screen",
    r"montage",
    r"scenes?",
    r"voice-?overs?",
    r"slow[- ]motion",
    r"time-?lapse",
    r"footage",
    r"thumbnail",
    r"presenter",
    r"talking\s+head",
    r"to\s+camera",
    r"split[- ]screen",
    r"picture-in-picture",
    r"typography",
    r"fonts?",
    r"sound\s+effects?",
    r"jingle",
    r"green\s+screen",
    r"vignette",
    r"widescreen",
    r"storyboard",
    r"script(?:writing)?",
    r"animated",
    r"frames?",
    r"cutaway",
    r"zoom(?:s|ing)?",
    r"dolly",
    r"pans?\b",
)
PRODUCTION_RE = re.compile(r"\b(?:" + "|".join(PRODUCTION_TERMS) + r")\b", re.IGNORECASE)

# Words that make a prompt sentence an instruction to the video maker.
INSTRUCTION_VERBS = {
    "create", "make", "use", "add", "include", "keep", "structure", "open", "end", "feature",
    "emphasize", "emphasise", "show", "film", "shoot", "render", "generate", "produce", "design",
    "start", "close", "finish", "write", "give", "let", "ensure", "avoid", "do", "don't", "put",
    "place", "set", "apply", "animate", "insert", "cut", "fade", "zoom", "pan", "highlight",
    "begin", "then", "next", "finally", "mention", "explain", "introduce", "present", "visual",
    "tone", "style", "theme", "palette", "colors", "colours", "voice", "music", "target", "aim",
    "focus", "incorporate", "display", "overlay", "return", "wrap", "sign", "invite", "ask",
    "encourage", "tell", "say", "narrate", "record", "edit", "caption", "please", "i", "we'd",
    "i'd", "need", "want", "build", "craft", "deliver", "maintain", "avoid", "consider",
}

# Words that signal meta talk about the video rather than content to say.
META_WORDS_RE = re.compile(
    r"\b(?:video|videos|clip|scene|scenes|presenter|avatar|viewers?|audience|tone|style|"
    r"voice|narrat\w*|script|promo|commercial|ad|ads|seconds?|minutes?|shots?|frame|"
    r"prompt|edit|edited|produced|branding|aesthetic|vibe|look and feel|deliver(?:y|s)?)\b",
    re.IGNORECASE,
)

# Words that mean the thing shown is imaginary: drop them before speaking.
FICTION_RE = re.compile(r"\b(?:fictional|fictitious|imaginary|imagined|hypothetical|made-up|fake|mock|sample|placeholder)\s+", re.IGNORECASE)

TONE_FAMILIES: dict[str, str] = {
    # warm
    "warm": "warm", "friendly": "warm", "inviting": "warm", "approachable": "warm",
    "empathetic": "warm", "natural": "warm", "welcoming": "warm", "heartfelt": "warm",
    "caring": "warm", "personal": "warm", "genuine": "warm", "family-friendly": "warm",
    "conversational": "warm", "cozy": "warm", "cosy": "warm",
    # confident
    "confident": "confident", "professional": "confident", "bold": "confident",
    "authoritative": "confident", "poised": "confident", "articulate": "confident",
    "clear": "confident", "trustworthy": "confident", "credible": "confident",
    "serious": "confident", "informative": "confident", "direct": "confident",
    "intelligent": "confident", "smart": "confident", "corporate": "confident",
    # playful
    "playful": "playful", "fun": "playful", "quirky": "playful", "whimsical": "playful",
    "humorous": "playful", "funny": "playful", "cheeky": "playful", "casual": "playful",
    "lighthearted": "playful", "light-hearted": "playful", "curious": "playful", "witty": "playful",
    # calm
    "calm": "calm", "soothing": "calm", "relaxed": "calm", "serene": "calm", "gentle": "calm",
    "peaceful": "calm", "mindful": "calm", "reassuring": "calm", "soft-spoken": "calm",
    # luxurious
    "luxurious": "luxurious", "luxury": "luxurious", "premium": "luxurious",
    "sophisticated": "luxurious", "elegant": "luxurious", "refined": "luxurious",
    "upscale": "luxurious", "polished": "luxurious", "exclusive": "luxurious", "classy": "luxurious",
    "timeless": "luxurious", "glamorous": "luxurious",
    # energetic
    "energetic": "energetic", "upbeat": "energetic", "dynamic": "energetic",
    "exciting": "energetic", "excited": "energetic", "vibrant": "energetic", "punchy": "energetic",
    "lively": "energetic", "enthusiastic": "energetic", "high-energy": "energetic", "hype": "energetic",
    "engaging": "energetic", "bright": "energetic",
}

# Tone words that describe a production noun ("warm lighting") are not tone.
TONE_BLOCKERS_RE = re.compile(
    r"^\s*(?:(?:,|and|but)?\s*[a-z-]+\s*){0,3}?(?:lighting|lights?|amber|tones|colou?rs?|palette|"
    r"glow|backdrop|background|graphics|lighting|hues?|accents|shades|interior|"
    r"commercial|brand|video|finish|edit|edits|transitions?|frame|look|aesthetic)\b",
    re.IGNORECASE,
)

# Presenter roles, longest first when matched. Value: how to display it.
ROLE_DISPLAY: dict[str, str] = {
    "chief executive officer": "CEO", "chief technology officer": "CTO",
    "chief marketing officer": "CMO", "chief operating officer": "COO",
    "chief financial officer": "CFO", "chief product officer": "CPO",
    "ceo": "CEO", "cto": "CTO", "cmo": "CMO", "coo": "COO", "cfo": "CFO", "cpo": "CPO",
    "co-founder": "Co-founder", "cofounder": "Co-founder", "founder": "Founder",
    "president": "President", "vice president": "Vice President", "vp": "VP",
    "head of product": "Head of Product", "head of marketing": "Head of Marketing",
    "product manager": "Product Manager", "marketing manager": "Marketing Manager",
    "manager": "Manager", "director": "Director", "engineer": "Engineer", "developer": "Developer",
    "designer": "Designer", "doctor": "Doctor", "dentist": "Dentist", "nurse": "Nurse",
    "teacher": "Teacher", "professor": "Professor", "coach": "Coach", "trainer": "Trainer",
    "personal trainer": "Personal Trainer", "chef": "Chef", "anchor": "Anchor",
    "news anchor": "News Anchor", "weather reporter": "Weather Reporter",
    "weather presenter": "Weather Presenter", "weatherman": "Weatherman",
    "weatherwoman": "Weatherwoman", "meteorologist": "Meteorologist", "reporter": "Reporter",
    "journalist": "Journalist", "scientist": "Scientist", "researcher": "Researcher",
    "lawyer": "Lawyer", "attorney": "Attorney", "realtor": "Realtor",
    "real estate agent": "Real Estate Agent", "agent": "Agent", "consultant": "Consultant",
    "expert": "Expert", "specialist": "Specialist", "instructor": "Instructor", "tutor": "Tutor",
    "tour guide": "Tour Guide", "guide": "Guide", "curator": "Curator", "stylist": "Stylist",
    "jeweler": "Jeweler", "jeweller": "Jeweller", "artist": "Artist", "musician": "Musician",
    "dj": "DJ", "barista": "Barista", "pharmacist": "Pharmacist", "therapist": "Therapist",
    "veterinarian": "Veterinarian", "vet": "Vet", "pilot": "Pilot", "mechanic": "Mechanic",
    "architect": "Architect", "spokesperson": "Spokesperson", "ambassador": "Ambassador",
    "influencer": "Influencer", "salesperson": "Salesperson", "sales rep": "Sales Rep",
    "representative": "Representative", "advisor": "Advisor", "adviser": "Adviser",
    "analyst": "Analyst", "owner": "Owner", "shop owner": "Shop Owner", "baker": "Baker",
    "florist": "Florist", "host": "Host", "presenter": "Presenter", "narrator": "Narrator",
    "speaker": "Speaker", "mc": "MC", "educator": "Educator", "librarian": "Librarian",
    "recruiter": "Recruiter", "hr manager": "HR Manager", "physician": "Physician",
    "surgeon": "Surgeon", "optometrist": "Optometrist", "chiropractor": "Chiropractor",
    "nutritionist": "Nutritionist", "dietitian": "Dietitian", "sommelier": "Sommelier",
    "winemaker": "Winemaker", "brewer": "Brewer", "farmer": "Farmer", "gardener": "Gardener",
    "plumber": "Plumber", "electrician": "Electrician", "accountant": "Accountant",
    "banker": "Banker", "financial advisor": "Financial Advisor", "entrepreneur": "Entrepreneur",
    "creator": "Creator", "youtuber": "YouTuber", "streamer": "Streamer", "gamer": "Gamer",
    "athlete": "Athlete", "yoga teacher": "Yoga Teacher", "yoga instructor": "Yoga Instructor",
}
GENERIC_ROLES = {"host", "presenter", "narrator", "speaker", "mc", "spokesperson", "creator"}
# Roles that speak for the company: "our new platform".
COMPANY_ROLES = {
    "CEO", "CTO", "CMO", "COO", "CFO", "CPO", "Co-founder", "Founder", "President",
    "Vice President", "VP", "Head of Product", "Head of Marketing", "Product Manager",
    "Marketing Manager", "Owner", "Shop Owner", "Entrepreneur",
}

DESCRIPTORS = {
    "friendly", "older", "young", "younger", "middle-aged", "elderly", "senior", "junior", "male",
    "female", "smiling", "cheerful", "professional", "confident", "energetic", "warm", "calm",
    "bearded", "experienced", "enthusiastic", "charismatic", "approachable", "trusted",
    "seasoned", "local", "expert", "upbeat", "stylish", "elegant", "casual", "serious", "kind",
    "happy", "mature", "retired", "veteran", "passionate", "knowledgeable", "relaxed", "poised",
    "articulate", "natural", "engaging", "woman", "man", "lady", "gentleman", "asian", "black",
    "white", "latino", "latina", "hispanic", "british", "american", "australian", "indian",
    "african", "european", "tall", "petite", "grey-haired", "gray-haired", "blonde", "brunette",
    "red-haired", "curly-haired", "bald",
}

NAME_STOPWORDS = {
    "The", "This", "That", "Then", "Create", "Make", "Use", "Our", "We", "I", "A", "An", "And",
    "With", "For", "From", "In", "On", "At", "To", "Of", "Scene", "Scenes", "Keep", "End", "Open",
    "Visual", "Tone", "Theme", "Style", "Include", "Add", "Show", "Feature", "Structure", "Start",
    "Finally", "Next", "Emphasize", "Make", "Hi", "Hello", "Welcome", "Meet", "It", "Its", "TikTok",
    "YouTube", "Instagram", "Reels", "Shorts", "Stories", "Facebook", "LinkedIn", "Twitter", "AI",
    "CEO", "CTO", "CMO", "COO", "CFO", "VP", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "Art", "Deco", "English",
    "Spanish", "French", "German", "Brand", "Product", "Call", "CTA", "Video", "Host", "Presenter",
    "Your", "You", "He", "She", "They", "Their", "His", "Her", "Is", "Be", "Please", "Emphasise",
}

PLATFORM_WORDS = {
    "tiktok", "youtube", "instagram", "reels", "shorts", "stories", "facebook", "linkedin",
    "twitter", "x", "snapchat", "pinterest", "social", "web", "website", "ads", "ad", "mobile",
}

PEOPLE_NOUNS_RE = re.compile(
    r"\b(?:famil(?:y|ies)|parents?|kids|children|students?|teachers?|groups?|businesses|"
    r"business owners|teams?|owners?|customers?|clients?|users?|buyers?|developers?|"
    r"professionals?|beginners?|travell?ers?|members?|fans?|collectors?|homeowners?|patients?|"
    r"people|women|men|seniors|millennials|gen z|creators?|marketers?|founders?|startups?|"
    r"companies|enterprises?|shoppers?|readers?|listeners?|gamers?|athletes?|runners?|"
    r"audiences?|learners?|engineers?|designers?|retailers?|investors?|employees|staff|"
    r"managers?|leaders?|freelancers?|artists?|musicians?|photographers?|couples?|"
    r"pet owners|dog owners|cat owners|foodies|cooks?|nurses?|doctors?|dentists?|visitors?|"
    r"guests?|tourists?|fitness enthusiasts|enthusiasts?|lovers?|newcomers?|agencies|schools?)\b",
    re.IGNORECASE,
)
GENERIC_AUDIENCE_RE = re.compile(
    r"^(?:(?:prospective|potential|new|existing|our|the|all|current|future)\s+)*"
    r"(?:customers?|clients?|users?|viewers?|buyers?|audiences?|people|everyone)$",
    re.IGNORECASE,
)

# Domain keywords: pick the call to action verb and some pad lines.
DOMAINS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("weather", re.compile(r"\b(?:weather|forecast|temperatures?|rain|storms?|meteorolog\w*)\b", re.I)),
    ("subscription", re.compile(r"\b(?:subscriptions?|club|membership|members?)\b", re.I)),
    ("venue", re.compile(r"\b(?:museum|gallery|exhibits?|exhibitions?|zoo|aquarium|venue|festival|"
                         r"hotel|resort|theat(?:er|re)|park|library|fair|expo|conference|event)\b", re.I)),
    ("software", re.compile(r"\b(?:app|apps|platform|software|saas|dashboard|api|tool|tools|plugin|"
                            r"extension|service|website|ai)\b", re.I)),
    ("collection", re.compile(r"\b(?:jewel(?:le)?ry|collection|rings?|necklaces?|fashion|apparel|"
                              r"clothing|couture|atelier|watches|handbags?)\b", re.I)),
    ("device", re.compile(r"\b(?:device|gadget|headphones|earbuds|speaker|wearable|phone|laptop|"
                          r"camera|console|hardware)\b", re.I)),
    ("care", re.compile(r"\b(?:clinic|dentist|dental|doctor|salon|spa|therapy|appointment|"
                        r"consultation|practice|wellness)\b", re.I)),
    ("education", re.compile(r"\b(?:course|class|classes|school|workshop|lesson|tutorial|training|"
                             r"bootcamp|academy|curriculum)\b", re.I)),
    ("food", re.compile(r"\b(?:restaurant|cafe|café|bakery|coffee|menu|dish|recipe|food|kitchen|"
                        r"bistro|bar|brewery|pizza)\b", re.I)),
)

# Brand names ending in one of these take "the" mid-sentence ("visit the Origami Space Museum").
THE_NOUNS = {
    "museum", "gallery", "club", "hotel", "cafe", "café", "bakery", "studio", "academy",
    "institute", "center", "centre", "foundation", "library", "theater", "theatre", "zoo", "park",
    "festival", "company", "shop", "store", "lab", "labs", "collective", "project", "group",
    "society", "school", "university", "college", "hospital", "clinic", "market", "house",
    "restaurant", "bistro", "kitchen", "workshop", "agency", "team", "network", "exchange",
    "lounge", "bar", "spa", "salon", "atelier", "aquarium", "observatory", "planetarium",
}

VIDEO_NOUNS = {
    "video", "videos", "promo", "ad", "advert", "advertisement", "clip", "walkthrough",
    "announcement", "explainer", "reel", "spot", "commercial", "teaser", "trailer", "short",
    "tutorial", "demo", "presentation", "segment", "piece", "story", "montage", "intro",
    "overview", "film", "production", "launch", "campaign", "report", "update", "message",
    "greeting", "invitation", "showcase", "feature", "cut", "edit", "version",
}

# Kinds of video that show a product in use (a tour's lines), and those also walked through step by step.
DEMO_KINDS = ("walkthrough", "walk-through", "tutorial", "demo")
TOUR_KINDS = DEMO_KINDS + ("how-to", "onboarding")

STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "into", "onto", "over", "under", "as", "is", "are", "be", "that", "which", "who",
    "where", "how", "what", "when", "this", "these", "those", "its", "it", "their", "our", "your",
    "his", "her", "my", "we", "you", "they", "them", "some", "any", "each", "every", "all",
    "one", "two", "three", "more", "most", "very", "so", "then", "than", "about", "while",
    "such", "like", "up", "out", "off", "down", "new", "through", "across", "around", "between",
    "against", "before", "after", "during", "without", "within", "both", "either", "not", "no",
}

# Adjectives (and production modifiers) a noun-only visual query drops.
NON_NOUNS = {
    "stylish", "close-up", "closeup", "lifestyle", "intricate", "towering", "suspended", "grand",
    "bold", "glowing", "brushed", "smart", "modern", "elegant", "premium", "polished", "refined",
    "subtle", "soft", "clean", "crisp", "bright", "dark", "moody", "warm", "cool", "vivid",
    "sleek", "minimal", "quick", "fast-paced", "slow", "imagined", "fictional", "geometric",
    "folded-paper", "interactive", "stunning", "beautiful", "gorgeous", "cozy", "cosy", "luxury",
    "luxurious", "tasteful", "smooth", "seamless", "energetic", "neutral", "contemporary",
    "retro-futuristic", "futuristic", "retro", "vintage", "classic", "simple", "big", "small",
    "little", "large", "tiny", "huge", "great", "good", "best", "better", "final", "opening",
    "closing", "short", "long", "full", "whole", "several", "multiple", "various", "different",
    "everyday", "daily", "monthly", "weekly", "yearly", "annual", "local", "global", "real",
    "detailed", "close", "tight", "wide", "medium", "macro", "cinematic", "animated", "branded",
    "rotating", "spinning", "sliding", "placing", "using", "folding", "sketching", "setting",
    "showing", "highlighting", "featuring", "explaining", "introducing", "learning", "mirror",
    "become", "becomes", "complex", "flat", "sunny", "inviting", "sophisticated", "curated",
    "surprise", "concise", "memorable", "private", "family-friendly", "friendly", "quiet",
    "busy", "happy", "fresh", "natural", "organic", "handmade", "custom", "personal",
    "professional", "confident", "upbeat", "calm", "playful", "fun", "exciting", "vibrant",
    "colorful", "colourful", "golden", "silver", "digital", "physical", "visual", "other",
    "hero", "shots", "shot", "views", "view", "moments", "moment", "details", "detail",
    "segment", "section", "b-roll", "broll", "cutaway", "cutaways", "footage", "images",
    "image", "montage", "graphics", "overlays", "touch", "bit", "lot",
    "way", "ways", "thing", "things", "kind", "sort", "type", "feel", "look", "style",
    "imagery", "visuals", "clips", "scene", "scenes", "inserts",
}

# First words of a how-to's steps ("Go to Settings, click Security, then choose Reset password").
STEP_VERBS = frozenset({"go", "click", "tap", "choose", "select", "open", "enter", "type", "press", "scroll", "log",
                        "sign", "pick", "drag", "check", "save", "confirm", "fill", "add", "upload", "hit", "swipe",
                        "navigate", "find", "copy", "paste", "turn", "set", "switch"})
