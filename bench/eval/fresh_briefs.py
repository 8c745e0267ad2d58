"""A second evaluation set: 20 briefs of kinds the first set has few of (clinic, job ad, school notice, safety
briefing, structured scenes in a paragraph or on "Scene N -" lines, a colon after the brand, tone words first).

Written for issue 10 to try the reading on briefs it was not tuned on; the fixes of that work were made
against them, so they are no longer unseen: write new ones to measure generalisation again.

Same format as briefs.py (see there), plus two fields:
  scenes  the number of scenes a numbered or labelled structure asks for (None: any)
  said    items that must be spoken, not only shown
Run with `bench/eval_planner.py --set fresh`.
"""

from __future__ import annotations

from .briefs import B

FRESH = [
    B("fr-clinic-services", "clinic",
      "A 30-second explainer for Harbourlight Physio in Bristol. Three services: sports injury rehab, post-surgery recovery "
      "plans and a free 15-minute posture check. Calm, reassuring tone. Book online at harbourlightphysio.co.uk",
      duration=(30, 30), brand="Harbourlight Physio", cta="harbourlightphysio.co.uk",
      items=["sports injury rehab", "post-surgery recovery|post surgery recovery", "posture check", "15-minute|15 minute"],
      said=["three services|3 services"], never=["calm", "reassuring", "tone"]),
    B("fr-kayak-colon", "tour operator",
      "A 10-second video for Tidewater Kayak Tours in Astoria: guided sunrise paddles on the river, all gear included. "
      "Book at tidewatertours.com",
      duration=(10, 10), brand="Tidewater Kayak Tours|Tidewater", cta="tidewatertours.com",
      items=["sunrise paddles", "all gear included|gear included"], said=["sunrise paddles", "Astoria"]),
    B("fr-saas-release", "release notes",
      "Release note video, 40 seconds, for Ledgerly 3.2. What's new: bank feeds now sync every 15 minutes, a new VAT return "
      "wizard, and dark mode across the app. Upgrade is free for all plans. Upbeat and clear. Read the changelog at "
      "ledgerly.io/changelog",
      duration=(40, 40), brand="Ledgerly", cta="ledgerly.io/changelog",
      items=["bank feeds", "15 minutes", "VAT return wizard", "dark mode", "free for all plans"],
      never=["upbeat", "40 seconds"]),
    B("fr-makers-recap", "event recap",
      "45-second recap of the Northfield Makers Fair 2026: 3,400 visitors over two days, 120 local stalls, and a robotics "
      "workshop that sold out in an hour. Thanks to our volunteers. Energetic montage feel, fast cuts. Next year's dates "
      "at northfieldmakers.org",
      duration=(45, 45), brand="Northfield Makers", cta="northfieldmakers.org",
      items=["3,400|3400", "120 local stalls|120 stalls", "robotics workshop", "volunteers"],
      never=["energetic", "montage", "fast cuts"]),
    B("fr-shelter-appeal", "non-profit appeal",
      "Create a 30 second appeal for Safe Harbour Shelter, a night shelter in Leeds for people sleeping rough. £15 pays for "
      "a warm bed and a hot meal for one night. Last winter we gave 4,200 beds. Earnest, hopeful. Donate at "
      "safeharbourleeds.org/give",
      duration=(30, 30), brand="Safe Harbour Shelter|Safe Harbour", cta="safeharbourleeds.org/give",
      items=["£15|15 pounds", "warm bed", "hot meal", "4,200|4200"], said=["night shelter"],
      never=["earnest", "hopeful"]),
    B("fr-recipe-steps", "how-to",
      "How-to video, 60 seconds, from Little Oven Kitchen: a 20-minute tomato pasta. Steps: 1. Boil salted water and cook "
      "200g spaghetti. 2. Fry two garlic cloves in olive oil. 3. Add a tin of chopped tomatoes and simmer 10 minutes. "
      "4. Toss the pasta with the sauce and fresh basil. Friendly, relaxed. Find more recipes at littleovenkitchen.com",
      duration=(60, 60), brand="Little Oven Kitchen", cta="littleovenkitchen.com",
      items=["200g|200 g", "garlic", "chopped tomatoes", "basil"], said=["tomato pasta", "spaghetti", "simmer 10 minutes"],
      never=["friendly", "relaxed", "how-to video"]),
    B("fr-house-listing", "property listing",
      "Listing video for 14 Orchard Close, Harrogate: a three-bedroom semi-detached house with a south-facing garden, new "
      "kitchen, and off-street parking for two cars. Offers over £325,000. Show the garden and the kitchen. 35 seconds, "
      "bright and airy. Viewings via Fenwick Estates, 01423 555 210",
      duration=(35, 35), brand="Fenwick Estates", cta="01423 555 210",
      items=["three-bedroom|three bedroom|3-bedroom", "south-facing garden|south facing garden", "new kitchen",
             "off-street parking|off street parking", "£325,000|325,000|325000"], said=["14 Orchard Close"],
      never=["bright", "airy", "show the"], visuals=["garden", "kitchen"]),
    B("fr-school-closure", "school notice",
      "Notice for parents from Oakridge Primary School, 30 seconds. The school will close early at 1:30pm on Friday 12 June "
      "for staff training. After-school club runs as normal until 5pm. Lunch will be served. Presenter: a middle-aged man, "
      "friendly headteacher. Questions? Email office@oakridgeprimary.sch.uk",
      duration=(30, 30), brand="Oakridge Primary", cta="office@oakridgeprimary.sch.uk",
      items=["1:30pm|1:30 pm|1.30", "12 June|June 12", "staff training", "5pm|5 pm", "lunch"], never=["middle-aged", "headteacher", "presenter"],
      gender="male"),
    B("fr-b2b-labelled-paragraph", "B2B pitch",
      "B2B pitch for Quarry Analytics, 45 seconds. Problem: plant managers find out about machine failures only after the "
      "line stops. Solution: vibration sensors plus a dashboard that predicts faults 10 days ahead. Results: 32% less "
      "unplanned downtime at 40 factories. Confident, no jargon. Book a demo at quarryanalytics.com/demo",
      duration=(45, 45), brand="Quarry Analytics", cta="quarryanalytics.com/demo",
      items=["machine failures", "vibration sensors", "10 days", "32%", "40 factories"],
      never=["problem", "solution", "results", "confident", "jargon", "45 seconds"]),
    B("fr-job-ad", "job ad",
      "Recruitment video for Bramble & Birch, a garden design studio in Oxford. We're hiring a junior landscape designer: "
      "full-time, £28,000 to £32,000, four-day week available. You'll need AutoCAD and a love of plants. Apply by "
      "30 September at brambleandbirch.co.uk/jobs",
      duration=(15, 60), brand="Bramble & Birch|Bramble and Birch", cta="brambleandbirch.co.uk/jobs",
      items=["junior landscape designer", "£28,000|28,000|28000", "four-day week|four day week|4-day week", "AutoCAD",
             "30 September|September 30"], said=["garden design studio"]),
    B("fr-flask-reel", "product reel",
      "Vertical reel, 15 seconds, for the Aero Flask by Summit Gear: keeps drinks cold 24 hours, hot 12 hours, weighs 340g. "
      "Show the flask on a mountain trail. Punchy, modern, neon green accents. Shop at summitgear.com",
      duration=(15, 15), orientation="portrait", brand="Summit Gear", cta="summitgear.com",
      items=["24 hours", "12 hours", "340g|340 g"], said=["Aero Flask"],
      never=["show the flask", "punchy", "modern", "neon", "vertical"], visuals=["flask|trail|mountain"]),
    B("fr-warehouse-safety", "safety briefing",
      "Safety briefing for warehouse staff at Corbel Logistics, 45 seconds. Four rules: wear high-vis at all times, never "
      "walk behind a reversing forklift, keep fire exits clear, and report every spill straight away. Serious but not "
      "scary. Presenter: a woman in her forties wearing a hard hat.",
      duration=(45, 45), brand="Corbel Logistics|Corbel",
      items=["high-vis|high vis", "reversing forklift", "fire exits", "spill"],
      never=["serious", "scary", "hard hat", "45 seconds"], gender="female"),
    B("fr-numbered-six", "app promo",
      "Promo for Pocket Tutor, a homework help app. 60 seconds. Scenes: 1) hook: a student stuck on fractions at 10pm "
      "2) problem: tutors cost £40 an hour 3) solution: Pocket Tutor answers any question in under a minute 4) features: "
      "step-by-step explanations, photo upload, progress reports 5) quote from Maya, a Year 9 student: \"It's like having "
      "a teacher in my pocket\" 6) cta: download free on iOS and Android",
      duration=(60, 60), brand="Pocket Tutor", cta="iOS|Android", scenes=6,
      items=["fractions", "£40|40 pounds", "under a minute", "step-by-step|step by step", "photo upload", "progress reports"],
      quotes=[("It's like having a teacher in my pocket", "Maya")], never=["hook", "problem", "solution", "features", "cta"]),
    B("fr-coffee-colon", "small business ad",
      "A 20-second ad for Ember Coffee Roasters in Portland: single-origin beans, roasted every Tuesday, free local "
      "delivery. Order at embercoffee.com",
      duration=(20, 20), brand="Ember Coffee Roasters|Ember Coffee", cta="embercoffee.com",
      items=["single-origin|single origin", "every Tuesday", "free local delivery"]),
    B("fr-dentist-no-duration", "clinic",
      "Introduce Fernhill Dental, a family dentist in Cardiff. We offer check-ups, hygienist cleans and Invisalign, and "
      "we're open Saturday mornings. New patients get 20% off their first visit. Call 029 2000 1234",
      duration=(15, 60), brand="Fernhill Dental", cta="029 2000 1234",
      items=["check-ups|check ups|checkups", "hygienist", "Invisalign", "Saturday mornings", "20%"], said=["family dentist"]),
    B("fr-bookshop-presenter", "welcome video",
      "Presenter: an older man with grey hair and glasses, warm voice. 40-second welcome video for Hollis & Vane, an "
      "independent bookshop in York. We stock 20,000 titles, run a children's story hour every Saturday at 11am, and host "
      "author events monthly. Visit us at 8 Stonegate, York.",
      duration=(40, 40), brand="Hollis & Vane|Hollis and Vane", cta="8 Stonegate",
      items=["20,000|20000", "story hour", "11am|11 am", "author events"], said=["independent bookshop"],
      never=["grey hair", "glasses", "warm voice"], gender="male"),
    B("fr-yarn-tone-first", "product promo",
      "Playful, bold, colourful. 25 second promo for Spindle Yarns, hand-dyed wool from the Scottish Borders. Over 60 "
      "colours, every skein dyed by hand in small batches. Free shipping over £50 at spindleyarns.co.uk",
      duration=(25, 25), brand="Spindle Yarns", cta="spindleyarns.co.uk",
      items=["60 colours|60 colors", "small batches", "£50|50 pounds"], said=["hand-dyed wool|hand dyed wool", "Scottish Borders"],
      never=["playful", "bold", "colourful"]),
    B("fr-hr-webinar", "webinar invite",
      "Webinar invite, 30 seconds, for Clearpath HR: 'Hybrid Work Policies That Stick'. Thursday 9 October, 2pm BST, "
      "45 minutes with Q&A. Speakers: Dana Okafor, Head of People at Lumen, and Rob Tran, employment lawyer. Register free "
      "at clearpathhr.com/webinar",
      duration=(30, 30), brand="Clearpath HR|Clearpath", cta="clearpathhr.com/webinar",
      items=["Hybrid Work Policies", "9 October|October 9", "2pm|2 pm", "45 minutes", "Dana Okafor", "Rob Tran"]),
    B("fr-gym-offer", "gym offer",
      "Promote Ironworks Gym in Salford. January offer: no joining fee and your first month for £19. Open 24/7, 200 pieces "
      "of kit, free classes every day. Gritty, high energy, dark look. 30 seconds. Join at ironworksgym.co.uk",
      duration=(30, 30), brand="Ironworks Gym|Ironworks", cta="ironworksgym.co.uk",
      items=["no joining fee", "£19|19 pounds", "24/7", "200 pieces", "free classes"],
      never=["gritty", "high energy", "dark look"]),
    B("fr-sleep-scene-lines", "app explainer",
      "Explainer for Solace Sleep app, 50 seconds.\nScene 1 - Hook: one in three adults sleeps badly.\nScene 2 - How it "
      "works: a 10-minute wind-down routine each night.\nScene 3 - Proof: 8 in 10 users fall asleep faster within two "
      "weeks.\nScene 4 - Offer: 7-day free trial.\nScene 5 - CTA: Get it at solacesleep.app",
      duration=(50, 50), brand="Solace Sleep|Solace", cta="solacesleep.app", scenes=5,
      items=["one in three|1 in 3", "10-minute|10 minute", "8 in 10|eight in ten", "two weeks|2 weeks", "7-day|7 day|seven-day"],
      never=["hook", "how it works", "proof", "50 seconds"]),
]
