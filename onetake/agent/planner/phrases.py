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
INTRO_TOPIC = ["Today, let's talk about {subject}.", "Let's explore {subject} together.",
               "Here's a quick guide to {subject}."]  # a topic, not a product: "an explainer on photosynthesis"
INTRO_NOTHING = ["Here's what you need to know.", "Let's get into it."]  # after an opener: no second greeting
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
# A how-to's steps, in order: {steps} is "First, go to Settings. Next, click Security. Then, choose Reset password."
STEPS = ["Here's how. {steps}", "It only takes a moment. {steps}", "{steps}"]
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
    "steps": ["That's all it takes.", "Give it a try the next time you need it."],
    "cta": ["Let's get started.", "Thanks for watching.", "See you soon."],
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

# --- Elaboration scenes: for long videos whose prompt is thin. ------------------------------
# Built only from what the brief says (its features, its audience, the product itself).
# Generic and truthful: no numbers, no results, no comparisons, nothing checkable.

# Feature spotlight: the essential first line names the feature.
FEATURE_FIRST = ["Start with {feature}.", "Let's begin with {feature}.", "First up: {feature}."]
FEATURE_NEXT = ["Next, there's {feature}.", "Then there's {feature}.", "Now, let's look at {feature}.",
                "Let's talk about {feature}."]
FEATURE_LAST = ["And finally, {feature}.", "Last but not least: {feature}.", "Finally, let's look at {feature}."]
# Several wordings per feature; each scene uses a few, and none repeats within a video.
FEATURE_ELABORATE = [
    "{Feature_cap} is there when you need it, and out of your way when you don't.",
    "It's the kind of thing you notice most when it simply works.",
    "With {feature}, there's one less thing to keep in your head.",
    "Think about how often you'd reach for {feature} in a normal week.",
    "It's easy to picture {feature} fitting into the way you already work.",
    "{Feature_cap} is a small thing that makes a real difference in the moment.",
    "You don't have to think twice about {feature}.",
    "That's the idea behind {feature}: keep things simple, and keep them moving.",
    "It's a simple idea, and that's exactly the point.",
]
# Extra lines tied to well-known kinds of feature (matched on the feature's words).
FEATURE_HINTS: dict[str, list[str]] = {
    "capture": ["When an idea arrives, it goes straight in, and it's there when you need it.",
                "Get the thought down first, and tidy it up later."],
    "shar": ["Everyone works from the same page, instead of chasing the latest version.",
             "What one person adds, the rest of the team can see."],
    "sync": ["Keep working wherever you are, and let things catch up when you're back.",
             "Your work comes with you, wherever the day takes you."],
    "offline": ["A patchy connection doesn't have to stop your work."],
    "search": ["When you need something, you look it up instead of digging for it.",
               "Type what you remember, and find what you were looking for."],
    "remind": ["The right nudge, at the right moment."],
    "collab": ["Working together feels less like a chore and more like a conversation."],
    "secur": ["Your work stays yours."],
    "templat": ["You don't have to start from a blank page every time."],
}
AUDIENCE_FIRST = ["Who is {brand_or_it} for? {Audience_cap}.", "Let's talk about who this is for: {audience}.",
                  "This one is for {audience}."]
AUDIENCE_ELABORATE = [
    "{Audience_cap} have plenty on their plates already.",
    "If that sounds like you, this was made with you in mind.",
    "Every part of {it} starts from what {audience} actually need day to day.",
    "The aim is simple: less friction, and more time for the work that matters.",
    "You know your work best. {It_cap} is there to keep up with you.",
    "It's meant to feel familiar from the very first time you open it.",
]
WHO_FIRST = ["So, who is it for?", "Let's talk about who this is for.", "Who is it for? Maybe you."]
WHO_ELABORATE = [
    "It's for people who'd rather spend their time on the work than on the tools.",
    "And it's for anyone who's ever thought there must be an easier way.",
    "If you like things simple, you're in the right place.",
    "Whether you're just getting started or you've done this for years, there's a place for you here.",
    "It's meant to feel familiar from the very first time you open it.",
    "You know your work best. {It_cap} is there to keep up with you.",
]
DAY_FIRST = ["Now, picture how it fits into your day.", "Let's think about how it fits into your day.",
             "So how does it fit into a normal day?"]
DAY_ELABORATE = [
    "Maybe you reach for it on the way in, or at the end of a long afternoon.",
    "However your day runs, it's there in the background, ready when you are.",
    "There's the first thing in the morning, the rush in the middle, and the wind-down at the end.",
    "{It_cap} is there for each of those moments.",
    "It fits around your routine, rather than the other way around.",
    "Open it when you need it, and close it when you're done.",
    "Open it, do what you came to do, and get on with your day.",
    "Over time, it simply becomes part of how you work.",
]
WHY_FIRST = ["So why does this matter?", "Here's why it matters.", "Why does it matter?"]
WHY_ELABORATE = [
    "When the small stuff is handled, there's more room for the big stuff.",
    "And that's something everyone could use a little more of.",
    "Most of us spend our days juggling more than we'd like.",
    "The tools we use should make that lighter, not heavier.",
    "That's the thinking behind {our_subject_or_it}.",
    "It's about clearing the way, so you can focus on what you set out to do.",
    "Small moments of friction add up, and so do small moments of ease.",
]
CLOSER_FIRST = ["Now, a closer look.", "Let's look a little closer.", "Time for a closer look."]
CLOSER_ELABORATE = [
    "Look around, and you'll find it's built around a few clear ideas.",
    "There's room to explore, without ever feeling lost.",
    "Everything is laid out so you can find your way around without a manual.",
    "The idea is that the things you use most stay close at hand.",
    "It's designed to stay out of your way until you need it.",
    "Nothing here is there just for show.",
    "Each part has a job, and it does that job quietly.",
]
START_FIRST = ["Getting started is simple.", "So, how do you get started?", "Let's talk about getting started."]
START_ELABORATE = [
    "Take a look around first, and get a feel for how things fit together.",
    "Before long, it'll feel like it was always part of your routine.",
    "Open it up, look around, and start with whatever matters most to you today.",
    "There's no need to learn everything at once.",
    "Begin with the basics, and discover the rest as you go.",
    "It's the kind of thing you get comfortable with by simply using it.",
]
EXPECT_FIRST = ["So what can you expect?", "Here's what to expect.", "What should you expect?"]
EXPECT_ELABORATE = [
    "Expect things to be where you'd look for them.",
    "Expect a little less friction, and a little more focus.",
    "Expect something that feels straightforward from the start.",
    "Expect fewer detours between you and the thing you're trying to do.",
    "Expect it to fit in, rather than stand out.",
    "And expect it to be there when you come back to it.",
]
FEEL_FIRST = ["Let's talk about how it feels to use.", "How does it feel to use?"]
FEEL_ELABORATE = [
    "It should feel easy to pick up, and easy to come back to.",
    "Nothing flashy for the sake of it. Just what you need, when you need it.",
    "Good tools tend to disappear into the work.",
    "You stop noticing them, and you start noticing what you got done.",
    "That's the feeling to aim for.",
    "Calm, clear, and ready when you are.",
]
SIMPLE_FIRST = ["Let's talk about keeping it simple.", "Simple is the whole point.", "Here's the thing about simple."]
SIMPLE_ELABORATE = [
    "Simple things are often the hardest to get right.",
    "Every extra step is a step between you and what you came to do.",
    "So the aim is fewer steps, and clearer ones.",
    "When something is simple, you reach for it more often.",
    "And when you reach for it often, it earns its place.",
    "Simple doesn't mean basic. It means nothing is in your way.",
    "You shouldn't need a guide to find your way around.",
]
MOMENT_FIRST = ["Think about the small moments.", "A lot happens in the small moments.", "Let's zoom in on the small moments."]
MOMENT_ELABORATE = [
    "A quick thought between two other things. A detail you don't want to lose.",
    "Those moments are easy to miss, and they matter more than they seem.",
    "The best tools meet you right there, in the middle of things.",
    "They don't ask you to stop and switch gears.",
    "They just let you carry on, a little lighter than before.",
    "That's the kind of help that adds up over a week.",
]
CARE_FIRST = ["Let's talk about what goes into it.", "Here's what's behind it.", "Behind it all is a lot of care."]
CARE_ELABORATE = [
    "Behind every good thing is a long list of small decisions.",
    "Some of them you'll notice straight away.",
    "Others you'll only notice once you've spent some time with it.",
    "That's how it should be.",
    "It's the little choices that add up to something you enjoy.",
    "And it's made with the people who'll enjoy it in mind.",
]
LOOK_FIRST = ["Take your time with it.", "There's no rush.", "Take a moment to look around."]
LOOK_ELABORATE = [
    "Notice what stands out to you first.",
    "Everyone finds their own favourite part.",
    "Some people see the big picture. Others love the details.",
    "Either way, there's more to it than first meets the eye.",
    "The more time you spend with it, the more you'll find.",
    "What will your favourite part be?",
]
RECAP_FIRST = ["So, to recap: {list}.", "Let's bring it all together: {list}.", "To sum up, there's {list}."]
RECAP_ELABORATE = [
    "Each one is there for a reason.",
    "On their own, each is useful. Together, they make {it} what it is.",
    "That's a lot to like, and it's all in one place.",
]

# --- The brief's features as spoken lines (short videos say them before any pad). ---------------
# {list}: the features as the prompt lists them; {first}/{last}: the first and last one.
FEATURES = ["You'll find {list}.", "There's {list}.", "{It_cap} brings you {list}."]
INTRO_BRAND_FEATURES = ["{brand} is {subject} with {list}.", "Meet {brand}, {subject} with {list}.",
                        "This is {brand}, {subject} with {list}."]
FEATURES_MORE = ["From {first} to {last}, there's something for you.",
                 "Whether it's {first} or {last}, it's all right here."]
FEATURES_MORE_PLACE = ["Come for {first}, and stay for {last}.",
                       "From {first} to {last}, there's something for everyone."]
DESCRIPTION_IS = ["{brand} is {description}.", "{It_cap} is {description}."]

# Genre lines for a request that names a kind of video but gives no facts. Generic steps,
# no invented features, numbers or results.
HOW_IT_WORKS = [
    "Here's how it works: open it up, set things up your way, and get straight to work.",
    "Here's how it works: start with what's in front of you, bring it in, and take it from there.",
]
WALKTHROUGH_STEPS = [
    "First, you get set up and find your way around.",
    "Then you bring in what you're working on, so it all sits in one place.",
    "From there, you pick up right where you left off.",
    "And when you're done for the day, it's all waiting for you next time.",
]
EXPLAINER = [
    "Here's the idea in a nutshell.",
    "Let's break it down, one piece at a time.",
    "Start with the basics, and the rest falls into place.",
    "Once you see how the pieces fit, it all makes sense.",
]
WEATHER_SHAPE = [
    "We'll start with the morning, then look ahead to the afternoon and this evening.",
    "Let's walk through what the day has in store, from the morning through to tonight.",
]

# Fact-free lines that say nothing about the subject: never used in a short video (words are
# scarce there and go to the brief's own facts), and last among pads otherwise.
FILLERS = frozenset({
    "You're going to like this.", "Let's take a closer look.", "Thanks for watching.", "See you soon.",
    "We can't wait to hear from you.",
})
