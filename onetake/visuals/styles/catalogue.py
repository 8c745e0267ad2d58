"""The curated styles, as data. Ids are stable: the API and users refer to them."""

from __future__ import annotations

from onetake.agent.storyboard import Palette
from onetake.visuals.styles.models import BackgroundSpec as Bg
from onetake.visuals.styles.models import CaptionLook as Cap
from onetake.visuals.styles.models import Style
from onetake.visuals.styles.models import Transition as T
from onetake.visuals.typefaces import pairing


def _p(background: str, surface: str, primary: str, accent: str, text: str, muted: str) -> Palette:
    return Palette(background=background, surface=surface, primary=primary, accent=accent, text=text, muted=muted)


STYLES: list[Style] = [
    Style(
        id="studio", name="Studio Night", description="Deep navy studio with indigo light and amber accents.",
        tags=["corporate", "tech", "cinematic"], palette=_p("#0F172A", "#1E293B", "#6366F1", "#F59E0B", "#F8FAFC", "#94A3B8"),
        fonts=pairing("inter-display", "inter", 700, 800), lower_third="bar", title_card="rise",
        background=Bg(texture="grain", particles="bokeh", grain=0.02), transitions=[T.slide, T.wipe, T.crossfade],
        music_mood="corporate-pulse", tone_words=["professional", "confident", "corporate", "business", "saas", "platform", "enterprise", "product"],
    ),
    Style(
        id="daylight", name="Daylight", description="Bright, airy and clean: white surfaces, sky blue, coral highlights.",
        tags=["minimal", "friendly", "corporate"], palette=_p("#EEF4FB", "#FFFFFF", "#3B82F6", "#F97362", "#0F172A", "#64748B"),
        fonts=pairing("outfit", "inter", 700, 800), caption=Cap(box="panel", highlight="fill"), lower_third="glass", title_card="center",
        background=Bg(texture="none", particles="shapes", grain=0.0, vignette=0.12), transitions=[T.slide, T.crossfade],
        music_mood="bright-acoustic", tone_words=["friendly", "clean", "sunny", "simple", "app", "walkthrough", "tutorial", "onboarding", "bright", "airy", "weather", "forecast"],
    ),
    Style(
        id="editorial", name="Editorial", description="Warm paper tones, ink black and a brick-red accent, like print.",
        tags=["print", "luxury", "handmade"], palette=_p("#F4EDE1", "#FFFDF8", "#1F2933", "#B4432F", "#1B1B1B", "#6B6158"),
        fonts=pairing("dm-serif-display", "dm-sans", 400, 400), caption=Cap(box="none", highlight="underline"), lower_third="underline",
        title_card="frame", background=Bg(texture="paper", particles="none", grain=0.045, vignette=0.2), transitions=[T.wipe, T.crossfade],
        pacing=1.15, corner=0.25, music_mood="piano-minimal",
        tone_words=["editorial", "magazine", "print", "story", "journal", "literary", "thoughtful", "intelligent", "museum", "gallery"],
    ),
    Style(
        id="neon", name="Retro Neon", description="Midnight purple with teal and hot pink over a synthwave grid: retro-tech energy.",
        tags=["retro-tech", "playful", "bold"], palette=_p("#120B2E", "#221A4D", "#14B8A6", "#F472B6", "#F5F3FF", "#A5A0C8"),
        fonts=pairing("syne", "space-grotesk", 700, 800, caption="space-grotesk"), caption=Cap(box="panel", highlight="ink", uppercase=True),
        lower_third="tab", title_card="slab", background=Bg(texture="grid", particles="bokeh", grain=0.025, spot=0.25),
        transitions=[T.zoom, T.wipe, T.slide], pacing=0.85, music_mood="synthwave",
        tone_words=["retro", "futuristic", "retro-futuristic", "synthwave", "neon", "80s", "arcade", "gaming", "cyber"],
    ),
    Style(
        id="forest", name="Evergreen", description="Deep green and cream with a brass accent: calm, premium.",
        tags=["luxury", "calm", "wellness"], palette=_p("#0E2A22", "#173D31", "#2F7A5F", "#D4A94C", "#F7F3E8", "#A9BFB4"),
        fonts=pairing("cormorant-garamond", "figtree", 700, 700), caption=Cap(box="panel", highlight="ink"), lower_third="underline",
        title_card="center", background=Bg(texture="grain", particles="bokeh", grain=0.03), transitions=[T.crossfade, T.zoom],
        pacing=1.25, music_mood="ambient-warm", tone_words=["calm", "wellness", "yoga", "spa", "nature", "organic", "serene", "mindful", "garden"],
    ),
    Style(
        id="sunrise", name="Sunrise", description="Warm oranges and plum: upbeat, social-first.",
        tags=["playful", "social", "energetic"], palette=_p("#2B1330", "#43204A", "#F97316", "#FACC15", "#FFF7ED", "#D8B4C8"),
        fonts=pairing("poppins", "poppins", 700, 800), caption=Cap(box="panel", highlight="fill", uppercase=True, scale=1.08),
        lower_third="tab", title_card="rise", background=Bg(texture="grain", particles="shapes", grain=0.02), transitions=[T.slide, T.zoom],
        pacing=0.8, music_mood="upbeat-pop", tone_words=["upbeat", "energetic", "fun", "social", "tiktok", "reel", "coffee", "food", "summer"],
    ),
    Style(
        id="cinema", name="Cinematic", description="Teal shadows, warm highlights, film grain and a top light: a film's title sequence.",
        tags=["cinematic", "dramatic", "documentary"], palette=_p("#0B1416", "#142326", "#2A9D8F", "#E9A15B", "#F4F1EA", "#9AB0AD"),
        fonts=pairing("bebas-neue", "inter", 400, 400, uppercase_display=True), caption=Cap(box="none", highlight="ink"),
        lower_third="bar", title_card="center", background=Bg(texture="grain", particles="dust", grain=0.06, spot=0.35, vignette=0.55),
        transitions=[T.crossfade, T.zoom], pacing=1.2, corner=0.3, music_mood="cinematic-pads",
        tone_words=["cinematic", "dramatic", "epic", "film", "documentary", "moody", "trailer", "story"],
    ),
    Style(
        id="terminal", name="Terminal", description="Phosphor green on black glass, monospaced type and scanlines.",
        tags=["retro-tech", "tech", "developer"], palette=_p("#07110C", "#0E1F16", "#22C55E", "#A3E635", "#E7FBEF", "#86A894"),
        fonts=pairing("ibm-plex-mono", "ibm-plex-sans", 700, 700, caption="ibm-plex-mono"), caption=Cap(box="band", highlight="ink"),
        lower_third="tab", title_card="frame", background=Bg(texture="scanlines", particles="none", grain=0.03, spot=0.2),
        transitions=[T.wipe, T.slide], pacing=0.9, corner=0.15, music_mood="chiptune-lofi",
        tone_words=["developer", "api", "code", "terminal", "hacker", "cli", "open source", "devops", "data"],
    ),
    Style(
        id="handmade", name="Kraft & Ink", description="Kraft paper, hand-lettered headlines and doodled shapes.",
        tags=["handmade", "playful", "cozy"], palette=_p("#EADBC4", "#F8F1E4", "#3D5A80", "#E07A5F", "#2B2118", "#7A6A58"),
        fonts=pairing("caveat", "nunito", 700, 700, caption="nunito", caption_weight=800), caption=Cap(box="panel", highlight="fill"),
        lower_third="tab", title_card="rise", background=Bg(texture="paper", particles="shapes", grain=0.05, vignette=0.18),
        transitions=[T.slide, T.crossfade], pacing=1.05, corner=1.4, music_mood="acoustic-folk",
        tone_words=["handmade", "craft", "origami", "crafts", "cozy", "paper", "folded", "bakery", "artisan", "homemade", "kids", "family", "families", "workshop"],
    ),
    Style(
        id="swiss", name="Swiss Grid", description="White space, heavy grotesque type, one signal red: International Typographic Style.",
        tags=["minimal", "print", "corporate"], palette=_p("#F5F5F2", "#FFFFFF", "#111111", "#E63323", "#111111", "#5C5C5C"),
        fonts=pairing("inter-display", "inter", 800, 900), caption=Cap(box="band", highlight="fill"), lower_third="bar", title_card="slab",
        background=Bg(texture="none", particles="shapes", grain=0.012, vignette=0.08), transitions=[T.wipe, T.slide], pacing=0.9, corner=0.0,
        music_mood="minimal-electronic", tone_words=["minimal", "minimalist", "swiss", "modern", "architecture", "design", "sleek", "bold"],
    ),
    Style(
        id="gilded", name="Gilded", description="Black lacquer and gold leaf, high-contrast serif capitals: luxury and Art Deco.",
        tags=["luxury", "elegant", "cinematic"], palette=_p("#0C0B0A", "#1A1714", "#C9A86A", "#E8CF96", "#F6F0E4", "#A89E8C"),
        fonts=pairing("bodoni-moda", "montserrat", 600, 700), caption=Cap(box="none", highlight="ink"), lower_third="underline",
        title_card="frame", background=Bg(texture="grain", particles="bokeh", grain=0.03, spot=0.3, vignette=0.5),
        transitions=[T.crossfade, T.zoom], pacing=1.3, corner=0.0, music_mood="jazz-lounge",
        tone_words=["luxury", "premium", "elegant", "jewelry", "jewellery", "couture", "deco", "art deco", "atelier", "gold", "boutique"],
    ),
    Style(
        id="candy", name="Candy Pop", description="Bubblegum brights, rounded type and confetti: playful and loud.",
        tags=["playful", "kids", "social"], palette=_p("#FFF1F7", "#FFFFFF", "#7C3AED", "#FF4D8D", "#1E1035", "#6B5B7B"),
        fonts=pairing("nunito", "nunito", 800, 900, caption_weight=900), caption=Cap(box="panel", highlight="fill", uppercase=True, scale=1.1),
        lower_third="tab", title_card="slab", background=Bg(texture="none", particles="confetti", grain=0.0, vignette=0.1),
        transitions=[T.zoom, T.slide], pacing=0.75, corner=1.6, music_mood="bouncy-ukulele",
        tone_words=["playful", "kids", "children", "toy", "toys", "party", "candy", "colorful", "colourful", "silly", "school"],
    ),
    Style(
        id="lounge", name="Midnight Lounge", description="Walnut, amber lamplight and soft bokeh: warm, sophisticated, after dark.",
        tags=["cinematic", "luxury", "warm"], palette=_p("#1A110C", "#2A1C14", "#B8743A", "#F2B766", "#F8EEDF", "#BBA58E"),
        fonts=pairing("fraunces", "dm-sans", 600, 800), caption=Cap(box="panel", highlight="ink"), lower_third="glass", title_card="rise",
        background=Bg(texture="grain", particles="bokeh", grain=0.04, spot=0.2, vignette=0.5), transitions=[T.crossfade, T.slide, T.zoom],
        pacing=1.15, music_mood="jazz-lounge",
        tone_words=["warm", "sophisticated", "vinyl", "jazz", "lounge", "listening", "wine", "cocktail", "restaurant", "evening", "inviting"],
    ),
    Style(
        id="aurora", name="Aurora", description="Violet-to-cyan gradient glow on deep ink: modern product launches and AI.",
        tags=["tech", "cinematic", "corporate"], palette=_p("#0A0A1F", "#16163A", "#7C5CFF", "#22D3EE", "#F4F4FF", "#A3A3C9"),
        fonts=pairing("space-grotesk", "inter", 700, 700), caption=Cap(box="panel", highlight="fill"), lower_third="glass", title_card="center",
        background=Bg(texture="grain", particles="bokeh", grain=0.02, spot=0.15), transitions=[T.zoom, T.slide, T.crossfade],
        pacing=0.95, music_mood="electronic-uplift", tone_words=["ai", "innovative", "innovation", "startup", "future", "launch", "smart", "space"],
    ),
]
