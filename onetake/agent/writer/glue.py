"""The few words the writer adds of its own, per language: list joints, step ordinals, quote attribution.

They are grammar, not content: every sentence built with them carries an item, a step, a
quote or the presenter's name from the brief. No sign-off or filler line lives here; the one
greeting is the presenter naming themself, and only when the brief names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESS_FIRST = re.compile(r"[a-z0-9-]+\.[a-z]")  # a sentence that opens with a web address


@dataclass(frozen=True)
class Glue:
    and_: str  # the last joint of a list: "a, b and c"
    comma: str  # the other joints
    ordinals: tuple[str, str, str]  # first, then, finally: steps said as steps
    quote: str  # "{author}" and "{quote}"
    hello: str  # the presenter's own name, when the brief gives it: "{name}"
    hello_role: str  # ... and their role: "{name}", "{role}"
    full_stop: str = "."
    space: str = " "


GLUE: dict[str, Glue] = {
    "en": Glue(" and ", ", ", ("First, ", "Then, ", "Finally, "), "As {author} puts it: {quote}", "Hi, I'm {name}.", "Hi, I'm {name}, the {role}."),
    "es": Glue(" y ", ", ", ("Primero, ", "Después, ", "Por último, "), "Como dice {author}: {quote}", "Hola, soy {name}.", "Hola, soy {name}, {role}."),
    "fr": Glue(" et ", ", ", ("D'abord, ", "Ensuite, ", "Enfin, "), "Comme le dit {author} : {quote}", "Bonjour, je suis {name}.", "Bonjour, je suis {name}, {role}."),
    "de": Glue(" und ", ", ", ("Zuerst: ", "Dann: ", "Zum Schluss: "), "{author} sagt: {quote}", "Hallo, ich bin {name}.", "Hallo, ich bin {name}, {role}."),
    "pt": Glue(" e ", ", ", ("Primeiro, ", "Depois, ", "Por fim, "), "Como diz {author}: {quote}", "Olá, eu sou {name}.", "Olá, eu sou {name}, {role}."),
    "it": Glue(" e ", ", ", ("Prima, ", "Poi, ", "Infine, "), "Come dice {author}: {quote}", "Ciao, sono {name}.", "Ciao, sono {name}, {role}."),
    "zh": Glue("和", "、", ("首先，", "然后，", "最后，"), "{author}说：{quote}", "大家好，我是{name}。", "大家好，我是{role}{name}。", "。", ""),
}


def glue(language: str) -> Glue:
    return GLUE.get((language or "en").split("-")[0], GLUE["en"])


def join_items(items: list[str], language: str) -> str:
    g = glue(language)
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return g.comma.join(items[:-1]) + g.and_ + items[-1]


def as_sentence(text: str, language: str) -> str:
    """Capitalised, ending in a full stop (text already ending in one keeps it)."""
    g = glue(language)
    text = " ".join(text.split()).strip(" ,;:-\u2013\u2014\u3001\uff0c")
    if not text:
        return ""
    if not _ADDRESS_FIRST.match(text):  # "panhandle.shop" stays as it is written
        text = text[:1].upper() + text[1:]
    if not text.endswith((".", "!", "?", "\u3002", "\uff01", "\uff1f", "\u2026")):
        text += g.full_stop
    return text


def steps(items: list[str], language: str) -> str:
    """Ordered items said as steps: "First, a. Then, b. Finally, c."."""
    return glue(language).space.join(steps_item(k, len(items), item, language) for k, item in enumerate(items))


def steps_item(k: int, count: int, item: str, language: str) -> str:
    """Step k of count, with its ordinal."""
    first, then, last = glue(language).ordinals
    lead = first if k == 0 else last if k == count - 1 and count > 2 else then
    body = item.strip(" .;,")
    if lead.endswith((", ", "\uff0c")) and body[:1].isupper() and not body[:2].isupper():
        body = body[:1].lower() + body[1:] if not _proper(body) else body
    return as_sentence(lead + body, language)


def _proper(text: str) -> bool:
    """The first word is a name (capitalised inside too, or all caps): keep its capital."""
    word = text.split()[0] if text.split() else ""
    return any(c.isupper() for c in word[1:]) or word.isupper()


def quote_line(quote: str, author: str, language: str) -> str:
    """The quote, verbatim, with who said it."""
    quoted = quote.strip()
    if not author:
        return as_sentence(quoted, language)
    return as_sentence(glue(language).quote.format(author=author, quote=quoted), language)


def hello(name: str, role: str, language: str) -> str:
    """The presenter says who they are: their name and role as the brief gives them ("Grace, our founder")."""
    g = glue(language)
    return (g.hello_role.format(name=name, role=role) if role else g.hello.format(name=name))
