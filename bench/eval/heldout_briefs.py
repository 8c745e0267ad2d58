"""A held-out evaluation set: 12 briefs written on 2026-12-04 after the fixes of that session and run once, before
any change was made against them, to measure how the reading generalises. Fix against them and they stop being
held out: write new ones then, and record the first score of each set in its docstring.

First run, before any fix against them: 10/12 pass every check, grounded 49/50. Failing: ho-french-boulangerie
("Ton chaleureux." said) and ho-school-notice (the brand named only in the frame never said). Seen in the verbose
output but not caught by a check: "add tofu and spring onions" split into two steps, and the unpunctuated brief said
as one run-on sentence.
Same format as briefs.py and fresh_briefs.py. Run with `bench/eval_planner.py --set heldout`.
"""

from __future__ import annotations

from .briefs import B

HELDOUT = [
    B("ho-vet-reminder", "clinic",
      "Reminder video for Fernside Vets: annual vaccinations are due in spring. Boosters cost £45, and puppies under "
      "16 weeks get a free health check. Book on 01632 480 220. Gentle, friendly. 30 seconds.",
      duration=(30, 30), brand="Fernside Vets", cta="01632 480 220",
      items=["vaccinations", "£45|45 pounds", "16 weeks", "free health check"],
      never=["gentle", "friendly", "30 seconds"]),
    B("ho-saas-numbered", "app promo",
      "45s promo for Tallyo, a shared budgeting app for couples.\n1) problem: money talks end in arguments\n"
      "2) solution: one shared budget that both of you can edit\n3) features: bill splitting, savings goals, monthly "
      "reports\n4) CTA: free for 30 days at tallyo.app",
      duration=(45, 45), brand="Tallyo", cta="tallyo.app", scenes=4,
      items=["shared budget", "bill splitting", "savings goals", "monthly reports", "30 days"],
      never=["problem:", "solution:", "features:", "cta"]),
    B("ho-museum-quote", "museum",
      "A 40-second video for the Harrow Hill Mining Museum. The new underground gallery opens on 3 May. Visitor Tom "
      "Bell said: \"I had no idea my grandfather worked in conditions like that.\" Adults £9, children free. Show miners' "
      "lamps and old helmets. Plan your visit at harrowhillmuseum.org.uk",
      duration=(40, 40), brand="Harrow Hill Mining Museum|Harrow Hill", cta="harrowhillmuseum.org.uk",
      items=["underground gallery", "3 May|May 3", "£9", "children free"],
      quotes=[("I had no idea my grandfather worked in conditions like that", "Tom Bell")],
      visuals=["lamp", "helmet"], never=["show"]),
    B("ho-hr-policy", "hr notice",
      "All-staff update from People Ops at Brindle Foods, 1 minute. From 1 July: hybrid working becomes 3 days in the "
      "office, expenses are claimed in the Pleo app, and the summer shutdown is 12-16 August. Questions to "
      "people@brindlefoods.com. Female presenter, calm.",
      duration=(60, 60), brand="Brindle Foods", cta="people@brindlefoods.com",
      items=["1 July|July 1", "3 days", "Pleo", "12-16 August|12 to 16 August"], gender="female",
      never=["calm", "female presenter"]),
    B("ho-gym-vertical", "gym offer",
      "Vertical 15 second reel for Iron Lantern Gym: no joining fee this month, classes from 6am. Join at ironlantern.fit",
      duration=(15, 15), orientation="portrait", brand="Iron Lantern Gym|Iron Lantern", cta="ironlantern.fit",
      items=["no joining fee", "6am|6 am"], never=["vertical", "reel"]),
    B("ho-recipe-steps", "how-to",
      "How-to from Little Copper Kitchen: a 10-minute miso soup. Steps: heat the dashi, whisk in the miso off the boil, "
      "add tofu and spring onions. 35 seconds. Show a steaming bowl.",
      duration=(35, 35), brand="Little Copper Kitchen", items=["dashi", "miso", "tofu", "spring onion", "10-minute|10 minute"],
      visuals=["bowl|soup"], never=["35 seconds"]),
    B("ho-charity-stats", "charity appeal",
      "Appeal for Clearwater Wells, 45 seconds. By the numbers: 212 wells built, 96,000 people with clean water, 14 "
      "countries. £30 funds a metre of drilling. Donate at clearwaterwells.org/give. Hopeful tone.",
      duration=(45, 45), brand="Clearwater Wells", cta="clearwaterwells.org/give",
      items=["212 wells", "96,000|96000", "14 countries", "£30"], never=["hopeful", "by the numbers"]),
    B("ho-conference-invite", "event invite",
      "Invite for DataDocks 2027 in Rotterdam, 11-12 March. Speakers include Ines Varga from Spotify and Omar Lee from "
      "ING. Early-bird tickets €299 until 31 January. Register at datadocks.eu. 40 seconds, confident, a man presenting.",
      duration=(40, 40), brand="DataDocks", cta="datadocks.eu", gender="male",
      items=["Rotterdam", "11-12 March|11 to 12 March", "Ines Varga", "Omar Lee", "€299|299", "31 January|January 31"],
      never=["confident"]),
    B("ho-listing-presenter", "property listing",
      "Listing video for 4 Quay Row, a two-bed canal-side flat with a balcony and allocated parking. Guide price "
      "£325,000. Presenter: an older woman with short grey hair. Viewings via Moss & Hale on 0161 555 0404.",
      duration=(15, 60), brand="Moss & Hale|4 Quay Row", cta="0161 555 0404", gender="female",
      items=["two-bed|two bed|2-bed", "canal-side|canal side", "balcony", "parking", "£325,000|325,000"],
      never=["grey hair", "older woman"]),
    B("ho-french-boulangerie", "multilingual",
      "Vidéo de 20 secondes pour la Boulangerie Martin à Nantes : baguettes tradition, croissants pur beurre et "
      "galettes des rois en janvier. Ouvert dès 6h30. Ton chaleureux.",
      duration=(20, 20), language="fr", brand="Boulangerie Martin", items=["baguette", "croissant", "galette", "6h30"],
      never=["chaleureux", "20 secondes"]),
    B("ho-school-notice", "school notice",
      "Notice for parents at Oakfield Primary: sports day is Friday 20 June, 1:30pm on the top field. Bring a water "
      "bottle and sun cream. If it rains, it moves to Monday 23 June. 30 seconds.",
      duration=(30, 30), brand="Oakfield Primary", items=["sports day", "20 June|June 20", "water bottle", "sun cream",
                                                         "23 June|June 23"], never=["30 seconds"]),
    B("ho-b2b-unpunctuated", "b2b promo",
      "quick 20s promo for Forgeline CNC we cut aluminium and steel parts in 48 hours with free delivery in the UK "
      "get a quote at forgeline.co.uk",
      duration=(20, 20), brand="Forgeline CNC|Forgeline", cta="forgeline.co.uk",
      items=["aluminium", "steel", "48 hours", "free delivery"]),
]
