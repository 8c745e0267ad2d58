"""Narration: lines a presenter says to viewers, fitted to each scene's word budget.

Each scene offers candidate lines in speaking order: essential ones (the point
of the scene, the user's verbatim script) and optional ones (facts from the
brief, then fact-free pads). Each line has a few wordings; the seed picks the
preferred one. A small dynamic programme picks a wording per line and which
optional lines to keep so the word count hits the budget; leftover words are
made up with a connective ("And", "Best of all,").

Nothing here invents numbers, prices, dates or names: templates hold none, and
every fact comes from the prompt.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass, field

from onetake.agent.storyboard import SceneRole

from . import phrases as P
from .cues import _FINITE_RE, Cues
from .lexicon import NON_NOUNS, PRODUCTION_RE, THE_NOUNS
from .structure import SceneSpec
from .text import as_sentence, capitalize_first, count_words, join_list, split_list, squash


@dataclass
class Line:
    variants: list[str]
    essential: bool = False
    skip_cost: float = 0.0  # cost of leaving an optional line out
    take_cost: float = 0.0  # cost of putting it in (pads cost a little)
    verbatim: bool = False
    key: str | None = None  # lines with a key are said once per video


@dataclass
class Written:
    text: str
    words: int
    keys: list[str] = field(default_factory=list)


_FIELD_RE = re.compile(r"\{(\w+)\}")
_LOWERABLE = {
    "it", "it's", "here's", "every", "each", "the", "this", "that's", "we", "we're", "our", "you",
    "you'll", "your", "take", "look", "picture", "imagine", "see", "discover", "explore", "inside",
    "from", "step", "members", "expect", "join", "plan", "try", "book", "visit", "get", "come",
    "let's", "let", "simply", "some", "there's", "bring", "keep", "think", "watch", "made", "piece",
    "getting", "stick", "reach", "find", "learn", "become", "stop", "have",
}


_STATEMENT_STARTS = {"it", "it's", "there's", "every", "each", "we", "we're", "our", "that's", "members", "you'll",
                     "you", "this", "the", "made", "piece", "getting", "some"}


_PLACE_DOMAINS = ("venue", "education", "care", "food", "subscription")
_TOUR_KINDS = ("walkthrough", "walk-through", "tutorial", "demo", "how-to", "onboarding")


def _spoken(item: str) -> str:
    """A feature as said mid-sentence: 'Offline sync' -> 'offline sync', 'AI Search' kept."""
    return item if any(ch.isupper() for ch in item[1:]) or item.split()[0].isupper() else item[:1].lower() + item[1:]


def _stable(seed: int, key: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{seed}|{key}".encode(), digest_size=8).digest(), "big")


class Writer:
    def __init__(self, cues: Cues, seed: int):
        self.cues = cues
        self.seed = seed
        self.salt = hashlib.blake2b(cues.text.encode(), digest_size=4).hexdigest()
        self.used: set[str] = set()
        self.said: set[str] = set()  # sentences already spoken: never repeated verbatim
        self.carry: list[Line] = []
        self.template_of: dict[str, str] = {}
        self.template_uses: dict[str, int] = {}
        self.extra_pads = 0
        self.pad_bonus = 0  # long targets allow a few more fact-free lines a scene
        self.scarce = False  # a short video: no generic filler lines at all
        self._pad_cap = 2
        self.slots = self._slots()

    # --- helpers ----------------------------------------------------------------------------
    def order(self, options: list[str], key: str) -> list[str]:
        if not options:
            return []
        k = _stable(self.seed, self.salt + key) % len(options)
        return options[k:] + options[:k]

    def fill(self, template: str, **extra: str | None) -> str | None:
        values = {**self.slots, **extra}
        for name in _FIELD_RE.findall(template):
            if not values.get(name):
                return None
        text = string.Formatter().vformat(template, (), values)
        text = re.sub(r"\bIt is\b", "It's", text)
        return squash(text)

    def variants(self, templates: list[str], key: str, limit: int = 3, **extra: str | None) -> list[str]:
        out: list[str] = []
        ordered = sorted(self.order(templates, key), key=lambda t: self.template_uses.get(t, 0))
        for t in ordered:
            s = self.fill(t, **extra)
            if s and s not in out:
                out.append(s)
                self.template_of.setdefault(s, t)
            if len(out) >= limit:
                break
        return out

    def _slots(self) -> dict[str, str | None]:
        c = self.cues
        brand = c.brand
        the_brand = None
        if brand:
            last = brand.split()[-1].lower()
            the_brand = f"the {brand}" if last in THE_NOUNS and not brand.lower().startswith("the ") else brand
        subject = _comma_participle(c.subject) if c.subject else None
        our_subject = None
        if subject:
            if re.match(r"^(?:a|an)\s+", subject, re.I) and (c.presenter.company_voice or not brand):
                our_subject = re.sub(r"^(?:a|an)\s+", "our ", subject, flags=re.I)
            elif re.match(r"^(?:a|an)\s+", subject, re.I):
                our_subject = re.sub(r"^(?:a|an)\s+", "the ", subject, flags=re.I)
            else:
                our_subject = subject
        company = None
        if c.company:
            company = re.sub(r"^(?:a|an)\s+", "our ", c.company, flags=re.I)
        role = c.presenter.role
        it = brand or "it"
        activity = None
        if subject and c.domain == "software":
            am = re.search(r"\b((?:[a-z]+\s+)?(?:management|planning|tracking|scheduling|accounting|budgeting|editing|"
                           r"design|marketing|hiring|booking|invoicing|note-taking|reporting|collaboration))\s+"
                           r"(?:app|platform|tool|software|suite|system)\b", subject)
            if am:
                words_ = am.group(1).split()
                if len(words_) == 2 and (words_[0] in NON_NOUNS or words_[0] in ("new", "our", "the", "a", "an")):
                    words_ = words_[1:]
                activity = capitalize_first(" ".join(words_))
        return {
            "Activity": activity,
            "Our_subject_cap": capitalize_first(our_subject) if our_subject else None,
            "brand": brand,
            "the_brand": the_brand,
            "Brand_or_it": capitalize_first(brand or "it"),
            "brand_or_it": brand or "it",
            "brand_or_us": brand or "us",
            "the_brand_or_us": the_brand,
            "subject": subject,
            "our_subject": our_subject,
            "our_subject_or_it": our_subject or brand or "it",
            "Audience_cap": capitalize_first(c.audience) if c.audience else None,
            "company": company,
            "it": it,
            "It_cap": capitalize_first(it),
            "audience": c.audience,
            "description": c.description,
            "benefit": c.benefit,
            "role": role,
            "role_lower": role if role and role.isupper() else (role.lower() if role else None),
            "name": c.presenter.name,
        }

    # --- facts as lines ----------------------------------------------------------------------
    def fact_lines(self) -> dict[str, Line]:
        c = self.cues
        out: dict[str, Line] = {}
        if c.description:
            v = self.variants(P.DESCRIPTION, "desc")
            if v:
                out["description"] = Line(v, skip_cost=2.0, key="fact:description")
        if c.benefit:
            v = self.variants(P.BENEFIT, "benefit")
            if v:
                out["benefit"] = Line(v, skip_cost=2.5, key="fact:benefit")
        if c.audience:
            v = self.variants(P.AUDIENCE, "audience")
            if v:
                out["audience"] = Line(v, skip_cost=1.5, key="fact:audience")
        for i, f in enumerate(c.facts):
            # a figure is what a viewer remembers: keep it over a plain claim when words run short
            out[f"fact{i}"] = Line([f], skip_cost=2.3 if re.search(r"\d", f) else 1.8, key=f"fact:{i}", verbatim=True)
        if c.features:
            v = self.variants(P.FEATURES, "feat", list=self.feature_list())
            if v:
                out["features"] = Line(v, skip_cost=2.2, key="fact:features")
            if len(c.features) >= 2:
                first, last = self._feature_ends()
                pool = P.FEATURES_MORE_PLACE if c.domain in _PLACE_DOMAINS else P.FEATURES_MORE
                v = self.variants(pool, "feat-more", first=first, last=last)
                if v:
                    out["features_more"] = Line(v, skip_cost=0.9, key="fact:features-more")
        return out

    def feature_list(self) -> str:
        return join_list([_spoken(f) for f in self.cues.features[:6]])

    def _feature_ends(self) -> tuple[str, str]:
        feats = [_spoken(f) for f in self.cues.features[:6]]
        first = re.sub(r"^(?:a|an|the)\s+", "", feats[0], flags=re.I)
        last = re.sub(r"^(?:a|an)\s+", "the ", feats[-1], flags=re.I)
        return first, last

    def pads(self, kinds: list[str], scene_key: str) -> list[Line]:
        out: list[Line] = []
        fillers: list[str] = []
        for kind in kinds:
            for t in self.order(P.PADS.get(kind, []), f"pad:{kind}:{scene_key}"):
                s = self.fill(t)
                if not s:
                    continue
                if s in P.FILLERS:
                    if not self.scarce:
                        fillers.append(s)
                    continue
                out.append(Line([s], take_cost=0.25 + 0.04 * len(out), key=f"pad:{s}"))
        for s in fillers:  # generic lines come last, and cost a little more
            out.append(Line([s], take_cost=0.4 + 0.04 * len(out), key=f"pad:{s}"))
        return out

    # --- scenes ------------------------------------------------------------------------------
    def lines_for(self, sp: SceneSpec, idx: int, assigned: list[Line], is_last: bool) -> list[Line]:
        role = sp.role
        key = f"s{idx}"
        c = self.cues
        # a quoted line keeps its words; one without an ending gets a full stop so it does not run on
        lines: list[Line] = [Line([s if s.rstrip()[-1:] in ".!?\u2026" else s.rstrip() + "."], essential=True, verbatim=True)
                             for s in sp.scripts]
        self._hook_features = any(ln.key == "fact:features" for ln in assigned)
        if role is SceneRole.hook:
            lines += self._hook(sp, key)
        elif role is SceneRole.cta:
            if idx == 0:  # the whole video is its call to action: say what it is first
                lines += [Line(ln.variants, skip_cost=ln.skip_cost + 1.0, key=ln.key, verbatim=ln.verbatim) for ln in assigned]
            lines += self._cta(sp, key)
        elif sp.elaborate:
            lines += self._elaborate(sp, key)
        elif role is SceneRole.bullets:
            lines += self._bullets(sp, key)
        elif role in (SceneRole.broll, SceneRole.montage):
            lines += self._broll(sp, key)
        else:
            lines += self._talk(sp, key)
        if role is SceneRole.cta:
            return lines
        lines += assigned + self.carry
        for t in sp.extra_topics:
            v = self._topic_variants(t, f"{key}:x:{t}")
            if v:
                lines.append(Line(v, skip_cost=1.2, key=f"topic:{t.lower()}"))
        pad_kinds = {
            SceneRole.hook: ["hook"], SceneRole.broll: ["broll"], SceneRole.montage: ["montage", "broll"],
            SceneRole.bullets: ["bullets"],
        }.get(role, ["presenter"])
        if c.domain == "weather":
            pad_kinds = ["weather"]
        else:
            if c.presenter.company_voice and role in (SceneRole.presenter, SceneRole.solution, SceneRole.problem):
                pad_kinds = ["company"] + pad_kinds
            if c.domain in P.PADS:
                pad_kinds = [c.domain] + pad_kinds
            if c.kind in ("walkthrough", "walk-through", "tutorial", "demo") and role is not SceneRole.hook:
                pad_kinds = ["tour"] + pad_kinds
        cap = min(2, 1 + self.extra_pads) if role is SceneRole.hook else 2 + self.extra_pads
        cap += self.pad_bonus
        lines += self.pads(pad_kinds, key)[:cap + 2]
        self._pad_cap = cap
        return lines

    def _hook(self, sp: SceneSpec, key: str) -> list[Line]:
        c, s = self.cues, self.slots
        out: list[Line] = []
        p = c.presenter
        opener_pool = P.WEATHER_OPENERS if c.domain == "weather" else P.OPENERS.get(c.tone, P.OPENERS["warm"])
        welcome = bool(sp.statement and re.match(r"^welcome\b", sp.statement, re.I))
        if not sp.scripts and not welcome:
            out.append(Line(self.variants(opener_pool, key + ":open"), skip_cost=0.4, key="opener"))
        if welcome:
            out.append(Line([as_sentence(sp.statement)], essential=True))
        if sp.shots:
            out.append(Line(self.variants(P.SHOTS_ONE, key + ":sh", list=sp.shots[0]), skip_cost=1.0, key=f"shots:{sp.shots[0].lower()}"))
        if s["company"] and not c.brand:
            out.append(Line(self.variants(P.COMPANY_WELCOME, key + ":co"), skip_cost=1.0, key="fact:company"))
        intro: list[str] = []
        intro_key = "intro"
        person: list[str] = []
        if p.name:
            if p.role and c.brand and p.company_voice:
                person = self.variants(P.NAME_ROLE_BRAND, key + ":nm")
            elif p.role and p.company_voice:
                person = self.variants(P.NAME_ROLE_COMPANY, key + ":nm")
            elif p.role and p.specific and p.role.lower() not in ("host", "presenter"):
                person = self.variants(P.NAME_ROLE, key + ":nm")
            else:
                person = self.variants(P.NAME_ONLY, key + ":nm")
        elif p.role and p.company_voice and s["our_subject"] and not c.brand:
            intro = self.variants(P.ROLE_COMPANY, key + ":rc")
        elif p.role and p.specific and not p.company_voice:
            person = self.variants(P.ROLE_SERVICE, key + ":rs", role=s["role_lower"])
        if person:
            out.append(Line(person, essential=True))
        if not intro:
            if c.domain == "weather" and s["subject"]:
                intro = self.variants(P.INTRO_WEATHER, key + ":in")
            elif c.brand and c.domain == "venue":
                intro = self.variants(P.INTRO_VENUE, key + ":in")
            elif c.brand and s["subject"]:
                intro = self.variants(P.INTRO_BRAND_SUBJECT, key + ":in")
            elif c.brand and c.description and self._hook_features and not sp.scripts:
                # short video: say what it is and what it has in one line
                intro = [t for t in (self.fill(x, subject=c.description, list=self.feature_list()) for x in P.INTRO_BRAND_FEATURES) if t]
                intro_key = "fact:features"
                if key != "s-1":
                    self.used.add("fact:description")
            elif c.brand and c.description:
                intro = self.variants(P.INTRO_BRAND_SUBJECT, key + ":in", subject=c.description)
                if key != "s-1":
                    self.used.add("fact:description")
            elif c.brand:
                intro = self.variants(P.INTRO_BRAND, key + ":in")
            elif s["our_subject"] and c.kind in ("walkthrough", "walk-through", "tutorial", "demo"):
                intro = self.variants(P.INTRO_TOUR, key + ":in")
            elif c.subject and not c.brand and not re.match(r"(?:a|an|the|our|my|this|today's)\s", c.subject, re.I) \
                    and c.kind in ("explainer", "tutorial", "how-to", None):
                intro = self.variants(P.INTRO_TOPIC, key + ":in")
            elif s["our_subject"] and p.company_voice:
                intro = self.variants(P.INTRO_COMPANY_VOICE, key + ":in")
            elif s["our_subject"]:
                intro = self.variants(P.INTRO_SUBJECT, key + ":in")
            elif not s["company"] and not person and not sp.statement:
                intro = self.variants(P.INTRO_NOTHING, key + ":in")
        named = bool(c.brand) and any(c.brand in v for ln in out for v in ln.variants)
        if intro and not (named and (welcome or not (s["subject"] or c.description))):
            out.append(Line(intro, essential=not (welcome or sp.scripts or named), skip_cost=0.3 if named else 1.0, key=intro_key))
        if sp.statement and not welcome:
            out.append(Line([as_sentence(sp.statement)], essential=True, key=f"said:{sp.statement.lower()}"))
        return out

    def essential_words(self, sp: SceneSpec) -> int:
        """Words a scene must say whatever its budget (its point, verbatim lines)."""
        lines = self.lines_for(sp, -1, [], False)
        self.carry = []
        return sum(min(count_words(v) for v in ln.variants) for ln in lines if ln.essential and ln.variants)

    def capacity(self, sp: SceneSpec, assigned: list[Line]) -> int:
        """Words of real content a scene can say (essential lines and its facts), before pads."""
        lines = [ln for ln in self.lines_for(sp, -1, assigned, False) if ln.variants and not (ln.key or "").startswith("pad:")]
        self.carry = []
        return sum(min(count_words(v) for v in ln.variants) for ln in lines if ln.essential or ln.skip_cost >= 1.0)

    def _topic_variants(self, topic: str, key: str) -> list[str]:
        c = self.cues
        topic = squash(topic).strip(" .")
        if not topic or PRODUCTION_RE.search(topic):
            return []
        if re.match(r"^(?:how|why|what|where|when)\b", topic, re.I):
            return self.variants(P.TOPIC_HOW, key, how=topic)
        appositive = re.match(rf"^({re.escape(c.brand)}),\s+((?:a|an|the)\s+.+)$", topic) if c.brand else None
        if appositive:  # "Orbit Notes, the note app that links ideas" is a name and what it is: say it as a sentence
            return [f"{appositive.group(1)} is {appositive.group(2)}."]
        if _FINITE_RE.search(topic) and re.match(r"^(?:we|our|it|you|they|this|these|the|[A-Z])", topic):
            return [as_sentence(topic)]
        pool = P.TOPIC_VENUE if c.domain == "venue" else P.TOPIC
        return self.variants(pool, key, np=topic)

    def _talk(self, sp: SceneSpec, key: str) -> list[Line]:
        out: list[Line] = []
        if sp.role is SceneRole.quote and not sp.scripts:
            out.append(Line(self.variants(P.QUOTE_LEAD, key + ":q"), essential=True, key="quote-lead"))
            return out
        if not sp.statement and not sp.topic and not sp.scripts:
            c = self.cues
            if c.domain != "weather" and not (c.benefit or c.description or c.facts or c.features):
                genre = self.genre_lines(key)
                v = self.variants(P.SUBJECT_RESTATE, key + ":rs")
                if v and not genre:
                    out.append(Line(v, skip_cost=2.0, key="restate"))
                v = self.variants(P.ACTIVITY, key + ":act")
                if v:
                    out.append(Line(v, skip_cost=1.5, key="activity"))
                out += genre
            elif c.domain == "weather":
                v = self.variants(P.WEATHER_SHAPE, key + ":ws")
                if v:
                    out.append(Line(v, skip_cost=1.2, key="genre:weather"))
        if sp.statement:
            out.append(Line([as_sentence(sp.statement)], essential=True, key=f"said:{sp.statement.lower()}"))
        elif sp.topic:
            if re.search(r"\b(?:benefits?|how it works|features?|what it does)\b", sp.topic, re.I) and (self.cues.benefit or self.cues.description):
                facts = self.fact_lines()
                for name in ("description", "benefit"):
                    ln = facts.get(name)
                    if ln and ln.key not in self.used:
                        ln.essential = name == "benefit" or not self.cues.benefit
                        if name == "benefit" and "description" in facts:
                            ln.variants = self.variants(P.BENEFIT, key + ":bn", It_cap="It", brand_or_it="it")
                        out.append(ln)
            else:
                v = self._topic_variants(sp.topic, key + ":t")
                if v:
                    out.append(Line(v, essential=True, key=f"topic:{sp.topic.lower()}"))
        return out

    def genre_lines(self, key: str) -> list[Line]:
        """Lines shaped by the kind of video asked for (walkthrough, explainer), for a brief
        with no facts: generic steps, nothing invented. Said once a video."""
        c = self.cues
        out: list[Line] = []
        if c.kind in _TOUR_KINDS:
            v = self.variants(P.HOW_IT_WORKS, key + ":how")
            if v:
                out.append(Line(v, skip_cost=1.8, key="genre:how"))
            for j, t in enumerate(P.WALKTHROUGH_STEPS):
                text = self.fill(t)
                if text:
                    out.append(Line([text], skip_cost=1.1 - 0.1 * j, key="genre:" + text.lower()))
        elif c.kind == "explainer":
            for j, t in enumerate(P.EXPLAINER):
                out.append(Line([t], skip_cost=1.1 - 0.1 * j, key="genre:" + t.lower()))
        return out

    def _broll(self, sp: SceneSpec, key: str) -> list[Line]:
        c = self.cues
        out: list[Line] = []
        shots = [s for s in sp.shots if s]
        closers = (P.CLOSERS_VENUE if c.domain == "venue" else []) + P.CLOSERS.get(c.tone, P.CLOSERS["warm"])
        closer = min(self.order(closers, key + ":cl"), key=lambda x: self.template_uses.get("closer:" + x, 0))
        self.template_uses["closer:" + closer] = self.template_uses.get("closer:" + closer, 0) + 1
        items: list[str] = []
        if len(shots) == 1:
            items = split_list(shots[0])
        elif shots and not any("," in s for s in shots):
            items = shots
        first = last = None
        if len(items) >= 2:
            first, last = items[0], items[-1]
        if sp.message and first:
            out.append(Line(self.variants(P.MONTAGE_MESSAGE, key + ":mm", first=first, last=last, how=sp.message), essential=True))
        else:
            if sp.message:
                out.append(Line(self.variants(P.MESSAGE, key + ":m", how=sp.message), essential=not shots))
            if shots and (len(shots) == 1 or not any("," in s for s in shots)):
                pool = P.SHOTS_MANY if first else P.SHOTS_ONE
                listed = shots[0] if len(shots) == 1 else join_list(shots)
                out.append(Line(self.variants(pool, key + ":sh", list=listed, first=first, last=last, closer=closer),
                                essential=True, key=f"shots:{listed.lower()}"))
            elif shots:
                for j, s in enumerate(shots):
                    out.append(Line(self.variants(P.SHOTS_ONE, f"{key}:sh{j}", list=s), essential=j == 0, skip_cost=1.0,
                                    key=f"shots:{s.lower()}"))
        return out

    _ELAB_POOLS = {
        "audience": (P.AUDIENCE_FIRST, P.AUDIENCE_ELABORATE), "who": (P.WHO_FIRST, P.WHO_ELABORATE),
        "day": (P.DAY_FIRST, P.DAY_ELABORATE), "why": (P.WHY_FIRST, P.WHY_ELABORATE),
        "closer": (P.CLOSER_FIRST, P.CLOSER_ELABORATE), "start": (P.START_FIRST, P.START_ELABORATE),
        "expect": (P.EXPECT_FIRST, P.EXPECT_ELABORATE), "feel": (P.FEEL_FIRST, P.FEEL_ELABORATE),
        "recap": (P.RECAP_FIRST, P.RECAP_ELABORATE),
        "simple": (P.SIMPLE_FIRST, P.SIMPLE_ELABORATE), "moment": (P.MOMENT_FIRST, P.MOMENT_ELABORATE),
        "care": (P.CARE_FIRST, P.CARE_ELABORATE), "look": (P.LOOK_FIRST, P.LOOK_ELABORATE),
    }

    def _elaborate(self, sp: SceneSpec, key: str) -> list[Line]:
        """An elaboration scene: a line naming its point, then optional generic lines about it
        (each said at most once a video), taken as the word budget needs."""
        extra: dict[str, str | None] = {}
        if sp.elaborate == "feature" and sp.feature:
            f = sp.feature
            low = f.lower()
            spoken = f if any(ch.isupper() for ch in f[1:]) else low
            extra = {"feature": spoken, "Feature_cap": capitalize_first(spoken)}
            first = {"first": P.FEATURE_FIRST, "last": P.FEATURE_LAST}.get(sp.feature_pos, P.FEATURE_NEXT)
            hints = [h for stem, hs in P.FEATURE_HINTS.items() if stem in low for h in hs]
            body = hints + self.order(P.FEATURE_ELABORATE, key + ":fe")
        elif sp.elaborate == "recap":
            spoken = [b if any(ch.isupper() for ch in b[1:]) else b.lower() for b in sp.bullets]
            extra = {"list": join_list(spoken)}
            first, body = P.RECAP_FIRST, self.order(P.RECAP_ELABORATE, key + ":re")
        else:
            first, rest = self._ELAB_POOLS.get(sp.elaborate or "", (P.CLOSER_FIRST, P.CLOSER_ELABORATE))
            body = self.order(rest, key + ":el")
        out: list[Line] = []
        v = self.variants(first, key + ":first", **extra)
        if v:
            out.append(Line(v, essential=True, key=f"elab-first:{sp.elaborate}:{sp.feature or ''}"))
        for j, t in enumerate(body):
            text = self.fill(t, **extra)
            if text and not PRODUCTION_RE.search(text):
                out.append(Line([text], skip_cost=0.3, take_cost=0.02 * j, key="elab:" + text.lower()))
        return out

    def _bullets(self, sp: SceneSpec, key: str) -> list[Line]:
        c = self.cues
        spoken = [b[0].lower() + b[1:] if b[:1].isupper() and not b[1:2].isupper() and b.split()[0] not in (c.brand or "").split() else b for b in sp.bullets]
        listed = join_list(spoken)
        head = sp.bullet_head
        avg = sum(count_words(b) for b in spoken) / max(1, len(spoken))
        if head and head.lower().endswith("s"):
            pool = P.BULLETS_HEAD
        elif c.domain == "subscription":
            pool = P.BULLETS_MEMBERS
        elif avg > 4:
            pool = P.BULLETS_LONG
        else:
            pool = P.BULLETS_PLAIN
        return [Line(self.variants(pool, key + ":b", list=listed, head=head.lower() if head else None), essential=True)]

    def cta_core(self, key: str = "cta") -> list[str]:
        """Wordings of the call to action, preferred first."""
        c = self.cues
        if c.cta.verbatim:
            return [as_sentence(c.cta.verbatim)]
        if c.cta.action:
            action = c.cta.action
            pool = list(P.CTA_ACTION)
            if re.search(r"\b(?:today|now|tonight)\b", action, re.I):
                pool = [t for t in pool if "today" not in t]
            return self.variants(pool, key, action=action, Action=capitalize_first(action))
        pool = P.CTA_DEFAULT.get(c.domain, P.CTA_DEFAULT["general"])
        return self.variants(pool, key) or self.variants(P.CTA_DEFAULT["general"], key)

    def _cta(self, sp: SceneSpec, key: str) -> list[Line]:
        c = self.cues
        out: list[Line] = []
        if c.domain == "weather":
            out.append(Line(self.variants(P.CTA_PRE_WEATHER, key + ":pre"), skip_cost=1.5))
        core = self.cta_core()
        if not c.cta.action:
            core = core[:1]  # the end card shows this exact line
        out.append(Line(core, essential=True, verbatim=bool(c.cta.verbatim)))
        if sp.family or (c.audience and re.search(r"\bfamil", c.audience, re.I) and c.domain == "venue"):
            out.append(Line(self.variants(P.CTA_FAMILY, key + ":fam"), skip_cost=2.5))
        if c.domain == "weather":
            out += self.pads(["weather_cta"], key)
            self._pad_cap = 2
            return out
        closers = self.variants(P.CTA_CLOSERS.get(c.tone, P.CTA_CLOSERS["warm"]), key + ":close")
        if c.domain in ("venue", "subscription", "care", "food", "education"):
            closers = self.variants(P.CTA_WELCOME, key + ":wel") + closers
        closers = [v for v in closers if v not in P.FILLERS] + ([] if self.scarce else [v for v in closers if v in P.FILLERS])
        out.append(Line(closers, skip_cost=0.5))
        out += self.pads(["cta"], key)
        self._pad_cap = 2
        return out

    def cta_text(self) -> str:
        """The call to action as the end card shows it (no 'Ready?' or 'today')."""
        c = self.cues
        if c.cta.verbatim:
            return c.cta.verbatim.strip().rstrip(".")
        if c.cta.action:
            return capitalize_first(c.cta.action)
        return self.cta_core()[0].rstrip(".!")

    # --- fitting -----------------------------------------------------------------------------
    def write(self, sp: SceneSpec, idx: int, target: int, assigned: list[Line], is_last: bool) -> Written:
        lines = [ln for ln in self.lines_for(sp, idx, assigned, is_last) if ln.variants]
        lines = [ln for ln in lines if ln.key is None or ln.key not in self.used]
        lines = _dedupe(lines)
        for ln in lines:
            if not ln.essential:
                ln.variants = [v for v in ln.variants if v.lower() not in self.said]
        for ln in lines:
            if not ln.verbatim:
                ln.variants = [v for v in ln.variants if not PRODUCTION_RE.search(v)]
        lines = [ln for ln in lines if ln.variants]
        chosen = fit(lines, target, max_pads=getattr(self, "_pad_cap", 3))
        if not chosen:  # nothing left to say here: never leave a scene silent
            spare = self.pads(["presenter", "hook", "broll"], f"s{idx}:spare") + [Line([self.fill("{It_cap} is worth a closer look.") or "Take a closer look."])]
            chosen = fit([ln for ln in spare if ln.key not in self.used][:4] or spare[-1:], target, max_pads=4)[:2] or [(spare[-1], 0)]
        texts: list[str] = []
        keys: list[str] = []
        taken_ids = set()
        for ln, vi in chosen:
            texts.append(ln.variants[vi])
            self.said.add(ln.variants[vi].lower())
            taken_ids.add(id(ln))
            tpl = self.template_of.get(ln.variants[vi])
            if tpl:
                self.template_uses[tpl] = self.template_uses.get(tpl, 0) + 1
            if ln.key:
                keys.append(ln.key)
                self.used.add(ln.key)
        # facts this scene did not use are offered to the next scene
        self.carry = [ln for ln in lines if id(ln) not in taken_ids and ln.key and ln.key.startswith("fact:") and ln.key not in self.used]
        words = sum(count_words(t) for t in texts)
        short = target - words
        if short > 0:
            texts = self._connect(texts, [ln for ln, _ in chosen], short, f"s{idx}")
        text = squash(" ".join(texts))
        return Written(text, count_words(text), keys)

    def _connect(self, texts: list[str], lines: list[Line], short: int, key: str) -> list[str]:
        out = list(texts)
        budget = short
        last = -2
        for j in range(1, len(out)):
            if budget <= 0:
                break
            if j == last + 1:
                continue
            if lines[j].verbatim and not (lines[j].key or "").startswith("fact:"):
                continue
            if not (lines[j].key or "").startswith(("fact:", "said:", "topic:", "restate", "activity")):
                continue  # only real content takes a connective, never a pad or the intro
            first = out[j].split()[0]
            low = first.lower().strip(",")
            if low not in _STATEMENT_STARTS and not (self.cues.brand and out[j].startswith(self.cues.brand)):
                continue
            size = min(budget, 3)
            options = self.order(P.CONNECTIVES[size], f"{key}:c{j}")
            conn = options[0]
            rest = out[j]
            if first not in ("I", "I'm", "I've") and not (self.cues.brand and rest.startswith(self.cues.brand)):
                rest = rest[0].lower() + rest[1:]
            out[j] = f"{conn} {rest}"
            budget -= size
            last = j
        return out


def _dedupe(lines: list[Line]) -> list[Line]:
    seen: set[str] = set()
    out: list[Line] = []
    for ln in lines:
        sigs = {v.lower() for v in ln.variants} | ({ln.key} if ln.key else set())
        if sigs & seen:
            continue
        seen |= sigs
        out.append(ln)
    return out


def _comma_participle(np: str) -> str:
    return re.sub(r"(?<!,)\s+(inspired|crafted|made|designed|built|created|handmade|powered)\s+(by|from|with|for|in)\b", r", \1 \2", np)


def fit(lines: list[Line], target: int, max_pads: int = 3) -> list[tuple[Line, int]]:
    """Pick a wording per line and which optional lines to keep; word count closest to target.

    Dynamic programme over (line index, words so far, pads used); keeps speaking order.
    At most `max_pads` fact-free pad lines are used: a scene with nothing to say
    comes out short rather than stuffed.
    """
    limit = int(target * 1.6) + 12
    states: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for ln in lines:
        counts = [count_words(v) for v in ln.variants]
        is_pad = (ln.key or "").startswith("pad:")
        new: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {}
        for (w, pads), (cost, picks) in states.items():
            if not ln.essential:
                c = cost + ln.skip_cost
                if (w, pads) not in new or c < new[(w, pads)][0]:
                    new[(w, pads)] = (c, picks + (-1,))
            if is_pad and pads >= max_pads:
                continue
            np_ = pads + 1 if is_pad else pads
            for vi, n in enumerate(counts):
                nw = w + n
                if nw > limit and not ln.essential:
                    continue
                c = cost + ln.take_cost + 0.35 * vi
                if (nw, np_) not in new or c < new[(nw, np_)][0]:
                    new[(nw, np_)] = (c, picks + (vi,))
        states = new

    def score(item: tuple[tuple[int, int], tuple[float, tuple[int, ...]]]) -> float:
        (w, _), (cost, _) = item
        diff = abs(w - target)
        pen = 2.5 * diff
        if w > target:
            pen += 0.5 * diff  # long is worse than short: connectives can fill short
        if diff > 0.1 * target:
            pen += 6
        return cost + pen

    _, (_, picks) = min(states.items(), key=score)
    return [(ln, vi) for ln, vi in zip(lines, picks) if vi >= 0]
