"""The phrase library: hooks, intros, transitions, pads and calls to action.

Placeholders: {brand} (as written), {the_brand} ("the Origami Space Museum"),
{subject} ("a boutique vinyl subscription club"), {our_subject} ("our new AI
video platform"), {it} ("it" or the brand), {audience}, {list}, {np}, {how},
{action}, {head}, {first}, {last}, {role}, {name}, {company}.

Rules for every line: no numbers, prices, dates or names; nothing a viewer
could check and find false; written to be heard, not read.
"""

from __future__ import annotations

TONES = ("warm", "confident", "playful", "calm", "luxurious", "energetic")

# Short openers said before the introduction. Keyed by tone.
OPENERS: dict[str, list[str]] = {
    "warm": ["Welcome in.", "Hi there, and welcome.", "It's so good to have you here.",
             "Come on in and make yourself at home."],
    "confident": ["Let's get straight to it.", "Here's something worth your attention.",
                  "Let me show you something.", "Thanks for joining me."],
    "playful": ["Okay, you're going to love this.", "Ready for something fun?",
                "Here's a little something new.", "Guess what?"],
    "calm": ["Take a breath and settle in.", "Let's slow down for a moment.", "Welcome. Take your time."],
    "luxurious": ["Some things are made to be savored.", "Every detail matters.",
                  "Welcome to something rare.", "Good taste is never an accident."],
    "energetic": ["Ready for something new?", "Here's something you'll want to see.",
                  "Get ready, because this one's big.", "Let's go!"],
}
WEATHER_OPENERS = ["Hello, and thanks for tuning in.", "Hi everyone, and welcome.", "Hello there, and welcome."]

# Introductions (the essential line of a hook).
INTRO_BRAND_SUBJECT = ["Meet {brand}, {subject}.", "Say hello to {brand}, {subject}.",
                       "This is {brand}, {subject}.", "Introducing {brand}, {subject}."]
INTRO_BRAND = ["Meet {brand}.", "Say hello to {brand}.", "Introducing {brand}.", "This is {brand}."]
INTRO_VENUE = ["Welcome to {the_brand}.", "Step inside {the_brand}.", "Welcome, everyone, to {the_brand}."]
INTRO_COMPANY_VOICE = ["Today, I'm proud to introduce {our_subject}.", "I'm excited to introduce {our_subject}.",
                       "Let me introduce {our_subject}.", "Today, we're introducing {our_subject}."]
INTRO_SUBJECT = ["Say hello to {our_subject}.", "Let's take a look at {our_subject}.",
                 "Introducing {our_subject}.", "Meet {our_subject}."]
INTRO_TOUR = ["Let's take a quick tour of {our_subject}.", "Let me walk you through {our_subject}.",
              "Here's a quick tour of {our_subject}."]
INTRO_WEATHER = ["Here's your look at {subject}.", "Let's take a look at {subject}.",
                 "Here's what {subject} has in store."]
INTRO_NOTHING = ["Thanks for joining me.", "I'm glad you're here.", "Let's get started."]
ROLE_COMPANY = ["As {role}, I'm proud to introduce {our_subject}.", "I'm the {role}, and I'm excited to introduce {our_subject}."]
ROLE_SERVICE = ["I'm your {role}.", "I'm your {role} for today."]
NAME_ROLE_BRAND = ["Hi, I'm {name}, {role} at {brand}.", "Hello, I'm {name}, {role} of {brand}."]
NAME_ROLE = ["Hi, I'm {name}, your {role_lower}.", "Hello, I'm {name}, and I'm your {role_lower}."]
NAME_ROLE_COMPANY = ["Hi, I'm {name}, and I'm the {role} here.", "Hello, I'm {name}, {role}."]
NAME_ONLY = ["Hi, I'm {name}.", "Hello, I'm {name}."]
COMPANY_WELCOME = ["Welcome to {company}.", "This is {company}."]

# A body line when the prompt gives nothing but the subject.
SUBJECT_RESTATE = ["Here's a closer look at {our_subject}.", "{Our_subject_cap} is ready for you.",
                   "{Our_subject_cap} is ready when you are."]
ACTIVITY = ["{Activity} should feel simple.", "{Activity} doesn't have to be hard."]

QUOTE_LEAD = ["Don't just take our word for it.", "Hear it from the people who know it best."]

# Facts turned into lines.
AUDIENCE = ["It's made for {audience}.", "It's designed with {audience} in mind.", "It's built for {audience}."]
DESCRIPTION = ["{It_cap} is {description}.", "Think of {it} as {description}."]
BENEFIT = ["{It_cap} {benefit}.", "Here's the idea: {brand_or_it} {benefit}.", "Simply put, {brand_or_it} {benefit}."]
TOPIC_VENUE = ["Inside, you'll find {np}.", "Here, you'll find {np}.", "Discover {np}."]
TOPIC = ["Discover {np}.", "Take a closer look at {np}.", "Let's talk about {np}.", "Explore {np}."]
TOPIC_HOW = ["Here's {how}.", "Let me show you {how}.", "Let's look at {how}."]
MESSAGE = ["See {how}.", "Watch {how}.", "Discover {how}."]
SHOTS_MANY = ["Picture {list}.", "Imagine {list}.", "From {first} to {last}, {closer}."]
SHOTS_ONE = ["Picture {list}.", "Imagine {list}."]
MONTAGE_MESSAGE = ["From {first} to {last}, see {how}.", "From {first} to {last}, discover {how}."]
CLOSERS = {
    "warm": ["it all comes together", "there's something to love at every turn"],
    "confident": ["every detail counts", "it all comes together"],
    "playful": ["there's something fun at every turn", "it all comes together"],
    "calm": ["every moment is worth savoring", "it all comes together"],
    "luxurious": ["every detail counts", "every moment is worth savoring"],
    "energetic": ["there's something new at every turn", "it all comes together"],
}
CLOSERS_VENUE = ["there's something to discover at every turn"]
BULLETS_HEAD = ["Our {head} are simple: {list}.", "It all comes down to {head}: {list}."]
BULLETS_MEMBERS = ["Members get {list}.", "Every membership brings {list}.", "Here's what members get: {list}."]
BULLETS_PLAIN = ["Here's what you get: {list}.", "Expect {list}.", "{Brand_or_it} brings you {list}."]
BULLETS_LONG = ["Here's the short version: {list}.", "In short: {list}."]

# Calls to action. {action} is an imperative phrase from the prompt.
CTA_ACTION = ["{Action}.", "{Action} today.", "So go ahead: {action}.", "Ready? {Action}."]
CTA_DEFAULT: dict[str, list[str]] = {
    "subscription": ["Join {brand_or_us} today.", "Become a member today.", "Join {brand_or_us} and start exploring."],
    "venue": ["Plan your visit to {the_brand_or_us}.", "Come and see it for yourself.", "Plan your visit today."],
    "software": ["Try {brand_or_it} today.", "Get in touch to see it in action.", "Reach out today and see what it can do for you."],
    "tour": ["Here's what it looks like in action.", "Let's see how it all fits together.", "Follow along with me."],
    "device": ["Discover {brand_or_it} today.", "Get to know {brand_or_it} today."],
    "collection": ["Discover the collection today.", "Come and discover the collection."],
    "care": ["Get in touch to book your visit.", "Reach out today to book your visit."],
    "education": ["Sign up today.", "Join us and start learning today."],
    "food": ["Come and visit us soon.", "Stop by and taste it for yourself."],
    "weather": ["Stay tuned for more updates.", "Stay tuned for the latest updates."],
    "general": ["Learn more about {brand_or_it} today.", "Get in touch today.", "Find out more today."],
}
CTA_PRE_WEATHER = ["That's your forecast for today.", "That's the forecast for today."]
CTA_FAMILY = ["Bring the whole family.", "Bring the whole family along."]

# Pads: relevant, fact-free lines used only when a scene needs more words.
PADS: dict[str, list[str]] = {
    "hook": ["Let's dive in.", "You're going to like this.", "Stick around.", "Let's take a closer look."],
    "presenter": ["And that's just the beginning.", "It's worth a closer look."],
    "company": ["We've been looking forward to sharing this with you.", "I can't wait for you to try it.",
                "And this is only the start.", "We built it with you in mind."],
    "broll": ["Take it all in.", "Look a little closer.", "Every detail is considered.",
              "It's the little things that stay with you."],
    "montage": ["Piece by piece, it all comes together.", "Every piece has its place.", "Take it all in."],
    "bullets": ["That's what sets {brand_or_us} apart.", "Each one is there for a reason."],
    "cta": ["Thanks for watching.", "See you soon."],
    "weather": ["Let's take a look at what's ahead.", "Here's what you need to know before you head out.",
                "Let's get you ready for the day.", "Keep an eye on the skies.",
                "Whatever your plans, we've got you covered.", "Let's see how things are shaping up.",
                "Make sure you're ready for whatever the day brings.", "Let's dig into the details."],
    "weather_cta": ["Have a great day.", "Take care out there.", "Thanks for watching."],
    "venue": ["There's so much to explore.", "It's a place to wonder, learn, and explore."],
    "subscription": ["There's always something new to look forward to.", "It's a little joy, delivered."],
    "software": ["It's designed around the way you work.", "I think you're going to love it.",
                 "Let's walk through it together."],
    "tour": ["Here's what it looks like in action.", "Let's see how it all fits together.", "Follow along with me."],
    "device": ["It's designed to go wherever you do.", "It's the kind of thing you'll reach for every day."],
    "collection": ["Each piece tells a story.", "Made to be worn, and made to last."],
}
CTA_WELCOME = ["We can't wait to welcome you.", "We'd love to see you there."]
CTA_CLOSERS: dict[str, list[str]] = {
    "warm": ["We can't wait to hear from you.", "We'd love to hear from you."],
    "confident": ["We're ready when you are.", "The next step is yours."],
    "playful": ["Come join the fun!", "You know you want to."],
    "calm": ["Take your time. We'll be here.", "We'll be here when you're ready."],
    "luxurious": ["Something beautiful is waiting.", "Your moment awaits."],
    "energetic": ["Don't miss it.", "Let's go!"],
}

# Small words put in front of a sentence to fine-tune the word count.
CONNECTIVES = {1: ["And", "Plus,"], 2: ["What's more,", "Better still,", "Simply put,"],
               3: ["Best of all,", "On top of that,"]}
