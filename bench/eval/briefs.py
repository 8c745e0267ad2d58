"""The evaluation briefs and their gold annotations, written by hand (not by the planner).

Each brief is a dict made by `B(...)`:
  name, kind, prompt
  files      attachments made at run time: ("pdf", name, [[page lines]]) or ("png", name, (r, g, b))
  duration   (lo, hi) seconds the storyboard's target must fall in (lo == hi when the brief states it)
  orientation, language
  brand      acceptable spellings of the brand, one of which must be said (None: no brand)
  cta        acceptable forms of the call to action, one of which must be in the last scene
  items      things (and figures) that must be said or shown; each entry "variant|variant|..."
  quotes     (text, author): said verbatim, or shown on a card with its author
  never      direction words/phrases that must never be spoken
  visuals    visual requests that must be served: "variant|..." matched in a scene's visual_query,
             on-screen text or bullets; "@N" means the brief's file N shown as a scene's media
  gender     the presenter's gender when the brief describes one
  scenes     the scene count a numbered or labelled structure asks for (None: any)
  said       items that must be spoken (in the narration), not only shown
Matching is case- and accent-insensitive, "1,200" equals "1200", "30 percent" equals "30%".
"""

from __future__ import annotations

from .long_briefs import LONG_COURSE, LONG_PRODUCT


def B(name, kind, prompt, *, duration, orientation="landscape", language="en", brand=None, cta=None, items=(), quotes=(),
      never=(), visuals=(), gender=None, files=(), scenes=None, said=()):
    return dict(name=name, kind=kind, prompt=prompt, duration=tuple(duration), orientation=orientation, language=language,
                brand=brand.split("|") if brand else None, cta=cta.split("|") if cta else None,
                items=[i.split("|") for i in items], quotes=list(quotes), never=list(never),
                visuals=[v.split("|") for v in visuals], gender=gender, files=list(files), scenes=scenes,
                said=[i.split("|") for i in said])


BRIEFS = [
    # ---- restaurants ----
    B("rest-bakery-show", "restaurant",
      "30 sec video for Crumb & Co, our bakery on Mill Lane. Sourdough baked at 5am every day, cardamom buns on weekends, "
      "and a gluten-free loaf that actually tastes good. Show fresh loaves and croissants. Warm, cosy, golden light. "
      "Order ahead at crumbandco.uk",
      duration=(30, 30), brand="Crumb & Co|Crumb and Co", cta="crumbandco.uk",
      items=["sourdough", "cardamom bun", "gluten-free loaf|gluten free loaf", "5am|5 am|5 a.m."],
      never=["cosy", "golden light", "warm"], visuals=["loaves|loaf|bread", "croissant"]),
    B("rest-taqueria-bullets", "restaurant",
      "Make a promo for Taqueria Sol.\n- al pastor tacos, $3 each\n- Tuesday 2-for-1\n- open till 2am Fri & Sat\n"
      "- 412 Elm Street, Austin\nEnergetic, bright orange and teal. 20 seconds.",
      duration=(20, 20), brand="Taqueria Sol", cta="412 Elm Street|412 Elm St",
      items=["al pastor", "$3|3 dollars", "2-for-1|two for one|2 for 1", "2am|2 am|2 a.m."],
      never=["energetic", "orange", "teal"]),
    B("rest-ramen-chatty", "restaurant",
      "hey! so we just opened Nori Noodle Bar near the station and honestly people don't know we exist yet lol. "
      "we do tonkotsu ramen that simmers for 18 hours, a vegan miso ramen, and gyoza. lunch set is £11.50. "
      "could you make something like 45 seconds that makes people want to come in? presenter: a young woman, casual. "
      "we're at 7 Station Road, no bookings needed, just walk in",
      duration=(45, 45), brand="Nori Noodle Bar|Nori", cta="7 Station Road",
      items=["tonkotsu", "18 hours|18-hour", "vegan miso", "gyoza", "£11.50|11.50"],
      never=["casual", "young woman"], gender="female"),
    B("rest-bistro-no-duration", "restaurant",
      "Le Petit Jardin, a French bistro in Boston, now serves Sunday brunch from 10 to 2. Croque madame, lemon ricotta "
      "pancakes and bottomless mimosas for $19. Reserve at lepetitjardin.com. Elegant, unhurried; cream and forest green.",
      duration=(15, 60), brand="Le Petit Jardin", cta="lepetitjardin.com",
      items=["Sunday brunch", "croque madame", "lemon ricotta pancakes", "bottomless mimosas", "$19|19 dollars"],
      never=["elegant", "unhurried", "cream", "forest green"]),
    B("rest-pizza-reel", "social reel",
      "Vertical reel, 15s, for Forno Rosso pizzeria: wood-fired at 450°C, 90-second bake, dough rested 48 hours. "
      "B-roll of the oven flames. Link in bio: fornorosso.pizza",
      duration=(15, 15), orientation="portrait", brand="Forno Rosso", cta="fornorosso.pizza",
      items=["wood-fired|wood fired", "450", "48 hours|48-hour"],
      never=["vertical", "b-roll", "link in bio"], visuals=["oven|flame|fire"]),

    # ---- HR notices ----
    B("hr-benefits-changes", "HR notice",
      "Internal video for Hollis Manufacturing staff, 60 seconds. Open enrolment runs from November 4 to November 22. "
      "Three changes this year: 1) the dental plan now covers two cleanings a year at no cost, 2) the company 401(k) match "
      "goes from 4% to 5%, 3) a new $500 wellness allowance. Enrol on the HR portal at hr.hollis.com. Calm, reassuring tone. "
      "Presenter: an older man with glasses.",
      duration=(60, 60), brand="Hollis", cta="hr.hollis.com",
      items=["November 4|Nov 4|4 November", "November 22|Nov 22|22 November", "dental", "two cleanings|2 cleanings",
             "5%", "$500|500 dollars", "wellness allowance"],
      never=["calm", "reassuring", "glasses", "older man"], gender="male"),
    B("hr-office-move", "HR notice",
      "Quick notice for the Fernwood Insurance team: we move to the new office at 88 Harbour Street on Monday 3 March. "
      "Pack your desk by Friday 28 February; crates arrive on the 24th. Parking permits are at the front desk. "
      "Questions: facilities@fernwood.co. Keep it under 30 seconds, friendly.",
      duration=(15, 30), brand="Fernwood Insurance|Fernwood", cta="facilities@fernwood.co",
      items=["88 Harbour Street", "3 March|March 3", "28 February|February 28", "parking permit"],
      never=["friendly", "under 30 seconds"]),
    B("hr-safety-rules", "HR notice",
      "Warehouse safety refresher for Dunmore Logistics, 45s. Scene 1 - hook: 2 injuries last quarter were forklift related. "
      "Scene 2 - rules: hi-vis vest on the floor at all times; stay 3 metres from a moving forklift; report every near miss "
      "on the same shift. Scene 3 - CTA: take the 10-minute quiz on the Dunmore app by Friday. Serious but not scary.",
      duration=(45, 45), brand="Dunmore Logistics|Dunmore", cta="quiz|Dunmore app",
      items=["forklift", "hi-vis|high-vis|high visibility", "3 metres|three metres|3 meters", "near miss", "10-minute quiz|10 minute quiz"],
      never=["scene 1", "scene 2", "hook:", "serious", "scary"]),
    B("hr-parental-leave", "HR notice",
      "Announce our new parental leave policy at Quill Analytics: 20 weeks fully paid for every parent, regardless of gender, "
      "starting January 1. Plus a phased return at 80% hours for 4 weeks. Our CEO Dana Whitfield said: \"No one should have to "
      "choose between their family and their career.\" Details on the intranet at quill.link/leave. Earnest, hopeful. 40 seconds.",
      duration=(40, 40), brand="Quill Analytics|Quill", cta="quill.link/leave",
      items=["20 weeks", "fully paid", "January 1|1 January", "80%", "4 weeks|four weeks"],
      quotes=[("No one should have to choose between their family and their career.", "Dana Whitfield")],
      never=["earnest", "hopeful"]),

    # ---- property listings ----
    B("prop-cottage", "property listing",
      "Listing video: 3-bed stone cottage, 14 Orchard Row, Little Haddon. 1,450 sq ft, wood burner, south-facing garden, "
      "10 minutes' walk to the station. Offers over £425,000. Call Marsh & Pike on 01632 960 184. 30 seconds, calm.",
      duration=(30, 30), brand="Marsh & Pike|Marsh and Pike", cta="01632 960 184|01632 960184",
      items=["3-bed|three-bed|3 bedroom|three bedroom", "14 Orchard Row", "1,450 sq ft|1450 square feet|1,450 square feet",
             "wood burner", "south-facing garden|south facing garden", "£425,000|425,000"],
      never=["calm"]),
    B("prop-condo-vertical", "property listing",
      "9:16 for Instagram. Just listed by Ruiz Realty: Unit 12B at The Meridian, 2 bed / 2 bath, 1,100 sq ft, floor-to-ceiling "
      "windows, rooftop pool, $689,000. Open house Saturday 1-4pm. DM or call (305) 555-0142. Show the attached photos of the "
      "living room and the pool.",
      files=[("png", "living-room.png", (180, 150, 120)), ("png", "pool.png", (40, 120, 200))],
      duration=(15, 45), orientation="portrait", brand="Ruiz Realty", cta="(305) 555-0142|305 555 0142|305-555-0142",
      items=["12B", "The Meridian", "2 bed|two bed|2 bedroom|two bedroom", "1,100 sq ft|1100 square feet|1,100 square feet",
             "rooftop pool", "$689,000|689,000", "Saturday"],
      never=["9:16", "instagram"], visuals=["@0", "@1"]),
    B("prop-office-lease", "property listing",
      "Commercial lease: 5,000 sq ft of Grade A office space at Canal Wharf, Leeds. Fitted, 40 desks, 8 parking spaces, "
      "available from June. £28 per sq ft. Contact Harlow Commercial, harlowcommercial.co.uk/canal-wharf. Navy and white, corporate.",
      duration=(15, 60), brand="Harlow Commercial", cta="harlowcommercial.co.uk/canal-wharf",
      items=["5,000 sq ft|5000 square feet|5,000 square feet", "Canal Wharf", "40 desks", "8 parking|eight parking", "£28|28 pounds", "June"],
      never=["navy", "white", "corporate"]),
    B("prop-farmhouse-presenter", "property listing",
      "Presenter: a woman in her fifties, smart blazer. 45-second tour of Willow Farm, a 5-bedroom farmhouse on 12 acres "
      "with a barn, a paddock and a 2-acre orchard. Guide price $1.2 million. Viewings by appointment: 802-555-0187.",
      duration=(45, 45), brand="Willow Farm", cta="802-555-0187|802 555 0187",
      items=["5-bedroom|five-bedroom|5 bedroom|five bedroom", "12 acres", "barn", "paddock", "orchard", "$1.2 million|1.2 million"],
      never=["blazer", "fifties", "woman"], gender="female"),

    # ---- webinar invites ----
    B("web-ai-security", "webinar invite",
      "Webinar invite, 30s. \"Zero Trust in 45 Minutes\" hosted by Priya Nair, CISO at Ardent Cloud. Thursday 14 March, 4pm GMT. "
      "You'll learn how to map your identity perimeter, how to phase out VPNs, and what to measure in month one. Free, "
      "register at ardentcloud.io/zt. Professional, clean.",
      duration=(30, 30), brand="Ardent Cloud", cta="ardentcloud.io/zt",
      items=["Zero Trust in 45 Minutes", "Priya Nair", "14 March|March 14", "4pm|4 pm|4 p.m.", "identity perimeter", "VPN",
             "month one"],
      never=["professional", "clean"]),
    B("web-bookkeeping", "webinar invite",
      "Free live session for small business owners: Bookkeeping Basics with Tom Alvarez, CPA. Wednesday at 7pm ET, one hour, "
      "with Q&A. Covers separating business and personal accounts, tracking receipts, and quarterly tax estimates. "
      "Seats are limited to 100. Sign up: ledgerlane.com/live. Friendly, plain-spoken. About 40 seconds.",
      duration=(36, 44), brand="Ledger Lane|LedgerLane|ledgerlane", cta="ledgerlane.com/live",
      items=["Bookkeeping Basics", "Tom Alvarez", "7pm|7 pm|7 p.m.", "receipts", "quarterly tax", "100"],
      never=["friendly", "plain-spoken"]),
    B("web-numbered-scenes", "webinar invite",
      "1) hook: Your onboarding emails are losing half your trial users.\n2) problem: 52% of trials never open the second email.\n"
      "3) solution: join Mailcraft's live teardown of 10 real onboarding sequences.\n4) details: Tuesday 9 April, 11am PT, 30 minutes.\n"
      "5) CTA: save your seat at mailcraft.co/teardown\n45 seconds, punchy.",
      duration=(45, 45), brand="Mailcraft", cta="mailcraft.co/teardown",
      items=["52%", "second email", "10 real onboarding|ten real onboarding", "9 April|April 9", "11am|11 am|11 a.m."],
      never=["hook:", "problem:", "solution:", "details:", "punchy"]),
    B("web-nurses-no-duration", "webinar invite",
      "Invite nurses to our CPD webinar 'Managing Sepsis in the First Hour' with Dr. Helen Osei, Saturday 10am. 1 CPD credit. "
      "Register free at carelearn.org/sepsis.",
      duration=(15, 45), brand="CareLearn|carelearn", cta="carelearn.org/sepsis",
      items=["Managing Sepsis in the First Hour", "Helen Osei", "Saturday", "1 CPD credit|one CPD credit"]),

    # ---- release notes ----
    B("rel-app-21", "release notes",
      "Release notes video for Tasklight 2.1, 40 seconds:\n* dark mode\n* offline sync for iOS and Android\n* recurring tasks "
      "with custom rules\n* 30% faster start-up\nUpdate today from the App Store or Google Play. Show a phone with the app.",
      duration=(40, 40), brand="Tasklight", cta="App Store|Google Play",
      items=["2.1", "dark mode", "offline sync", "recurring tasks", "30%"], visuals=["phone|app"]),
    B("rel-api-terse", "release notes",
      "Paystream API v4: idempotency keys, webhooks retried for 72h, p95 latency down to 120 ms. v3 sunsets 31 Dec. "
      "Migration guide: docs.paystream.dev/v4. 30s.",
      duration=(30, 30), brand="Paystream", cta="docs.paystream.dev/v4",
      items=["v4|version 4", "idempotency keys", "72h|72 hours|72", "120 ms|120 milliseconds", "31 Dec|31 December|December 31"]),
    B("rel-saas-quote", "release notes",
      "What's new in Canvasly this month (45 s): real-time comments, a brand kit for teams, and export to PDF at 300 dpi. "
      "Beta tester Mira Jensen put it this way: \"Comments alone saved our team a meeting a day.\" Try it at canvasly.app/new. "
      "Cheerful, pastel colours.",
      duration=(45, 45), brand="Canvasly", cta="canvasly.app/new",
      items=["real-time comments|realtime comments", "brand kit", "300 dpi", "PDF"],
      quotes=[("Comments alone saved our team a meeting a day.", "Mira Jensen")], never=["cheerful", "pastel"]),
    B("rel-hardware", "release notes",
      "Firmware 5.3 for the Aura thermostat is rolling out this week. New: geofencing, a 7-day schedule, and energy reports "
      "that show kWh per room. Installs overnight automatically. More at aurahome.com/5-3. 20 seconds.",
      duration=(20, 20), brand="Aura", cta="aurahome.com/5-3",
      items=["5.3", "geofencing", "7-day schedule|seven-day schedule", "energy report", "kWh|kilowatt"]),

    # ---- event recaps ----
    B("recap-conference", "event recap",
      "Recap video of DevHarbor 2025 in Rotterdam: 1,200 attendees, 64 talks, 3 days, and the first-ever hackathon with 40 teams. "
      "Keynote speaker Lina Park said: \"Ship small, ship often, and talk to your users.\" Tickets for 2026 are on sale at "
      "devharbor.eu. Upbeat music, fast cuts, 45 seconds.",
      duration=(45, 45), brand="DevHarbor", cta="devharbor.eu",
      items=["Rotterdam", "1,200|1200", "64 talks", "3 days|three days", "hackathon", "40 teams"],
      quotes=[("Ship small, ship often, and talk to your users.", "Lina Park")],
      never=["upbeat", "fast cuts", "music"]),
    B("recap-charity-run", "event recap",
      "Thank-you recap for the Riverside 10K: 860 runners, £48,300 raised for the children's ward at St Anne's Hospital, "
      "and 120 volunteers. B-roll of the finish line. Next year's date: 14 September. Sign up at riverside10k.org.",
      duration=(20, 50), brand="Riverside 10K", cta="riverside10k.org",
      items=["860", "£48,300|48,300", "children's ward", "St Anne's", "120 volunteers", "14 September|September 14"],
      never=["b-roll"], visuals=["finish line|finish"]),
    B("recap-trade-show", "event recap",
      "30-second recap of our stand at AgriTech Expo: 400 demos of the FieldEye drone, 3 distribution deals signed, and a "
      "Best in Show award. Use the attached photo of the stand. Book a demo: fieldeye.ag/demo",
      files=[("png", "stand.png", (30, 140, 60))],
      duration=(30, 30), brand="FieldEye", cta="fieldeye.ag/demo",
      items=["AgriTech Expo", "400 demos", "3 distribution|three distribution", "Best in Show"], visuals=["@0"]),

    # ---- social reels ----
    B("reel-gym-tiktok", "social reel",
      "TikTok for IronHouse Gym. 15 seconds. First month £15, no joining fee, open 24/7. Show the squat racks. Loud, hype.",
      duration=(15, 15), orientation="portrait", brand="IronHouse|Iron House", cta="IronHouse|Iron House|£15",
      items=["£15|15 pounds", "no joining fee", "24/7"], never=["tiktok", "loud", "hype"], visuals=["squat|rack|gym"]),
    B("reel-skincare-portrait", "social reel",
      "portrait video, 20s: Dew Drop serum with 2% hyaluronic acid and niacinamide. Fragrance-free, vegan, £24. "
      "Shop at dewdrop.beauty. Soft pink, dreamy, slow zooms.",
      duration=(20, 20), orientation="portrait", brand="Dew Drop", cta="dewdrop.beauty",
      items=["2%", "hyaluronic acid", "niacinamide", "fragrance-free|fragrance free", "vegan", "£24|24 pounds"],
      never=["portrait", "pink", "dreamy", "slow zoom"]),
    B("reel-bookshop-shorts", "social reel",
      "YouTube Shorts for Dog-Eared Books: our staff picks this week are 'The Salt Road', 'Quiet Engines' and 'Nine Winters'. "
      "10% off staff picks till Sunday. 22 Quay Street.",
      duration=(10, 45), orientation="portrait", brand="Dog-Eared Books|Dog Eared Books", cta="22 Quay Street",
      items=["The Salt Road", "Quiet Engines", "Nine Winters", "10%"], never=["youtube shorts", "shorts"]),
    B("reel-barber-vertical", "social reel",
      "vertical 9:16, 12 seconds. Fade & Co barbers: skin fades £18, beard trims £10, walk-ins welcome. fadeandco.com",
      duration=(12, 12), orientation="portrait", brand="Fade & Co|Fade and Co", cta="fadeandco.com",
      items=["skin fade", "£18|18 pounds", "beard trim", "£10|10 pounds", "walk-ins|walk ins"], never=["vertical", "9:16"]),

    # ---- B2B pitches ----
    B("b2b-freight", "B2B pitch",
      "A 60-second pitch for Keel Freight to procurement managers. Problem: 1 in 5 container shipments arrives late. "
      "Keel's routing engine cut late deliveries by 38% for our pilot customers and saves an average of $2,400 per container "
      "lane per year. Integrates with SAP and Oracle. Book a 30-minute call at keelfreight.com/demo. Calm, confident tone.",
      duration=(60, 60), brand="Keel Freight", cta="keelfreight.com/demo",
      items=["1 in 5|one in five", "38%", "$2,400|2,400|2400", "SAP", "Oracle", "routing"],
      never=["calm", "confident", "tone"]),
    B("b2b-bus-tracker", "B2B pitch",
      "1) hook: Busly for city transit authorities\n2) problem: riders wait 20 minutes for a bus that never shows\n"
      "3) solution: live bus tracker with arrival predictions accurate to 30 seconds\n4) proof: Leeds pilot, ridership up 12%\n"
      "5) CTA: request a pilot at busly.io\nCustomer quote from Jo, a driver in Leeds: \"Passengers finally stopped shouting at me.\"\n"
      "50 seconds.",
      duration=(50, 50), brand="Busly", cta="busly.io",
      items=["20 minutes", "live bus tracker", "30 seconds", "Leeds", "12%"],
      quotes=[("Passengers finally stopped shouting at me.", "Jo")],
      never=["hook:", "problem:", "solution:", "proof:", "customer quote", "explore problem"]),
    B("b2b-cyber-stats", "B2B pitch",
      "Pitch video for Sentrix MDR aimed at CFOs. Key stats: average breach cost $4.5 million; Sentrix customers detect "
      "threats in 11 minutes versus an industry average of 204 days; 99.9% uptime SLA. Offer: a free 14-day risk assessment. "
      "sentrix.com/cfo. 45 seconds. Presenter: a man in a suit.",
      duration=(45, 45), brand="Sentrix", cta="sentrix.com/cfo",
      items=["$4.5 million|4.5 million", "11 minutes", "204 days", "99.9%", "14-day|14 day|fourteen-day"],
      never=["suit", "presenter"], gender="male"),
    B("b2b-packaging-no-dur", "B2B pitch",
      "We make compostable mailer bags for e-commerce brands. GreenPost mailers break down in 90 days in home compost, "
      "cost 6p more than plastic, and ship in boxes of 500. Free sample pack at greenpost.co/samples.",
      duration=(15, 60), brand="GreenPost", cta="greenpost.co/samples",
      items=["compostable", "90 days", "6p|6 pence", "500"]),

    # ---- how-tos ----
    B("howto-coffee", "how-to",
      "How to brew pour-over coffee in 4 steps, 45 seconds, for Ridgeline Roasters:\n1. Rinse the filter with hot water.\n"
      "2. Add 20 g of medium-fine ground coffee.\n3. Bloom with 40 g of water for 30 seconds.\n4. Pour slowly to 320 g total.\n"
      "Beans at ridgelineroasters.com",
      duration=(45, 45), brand="Ridgeline Roasters|Ridgeline", cta="ridgelineroasters.com",
      items=["rinse the filter", "20 g|20 grams", "bloom", "40 g|40 grams", "320 g|320 grams"]),
    B("howto-password-reset", "how-to",
      "Help-desk clip: how to reset your Northgate portal password. Go to portal.northgate.edu, click 'Forgot password', "
      "enter your student ID, then check your university email for a code that lasts 15 minutes. Still stuck? Call the IT "
      "desk on 555-0100. Under 40 seconds. Show the login screen.",
      duration=(20, 40), brand="Northgate", cta="555-0100",
      items=["portal.northgate.edu", "Forgot password", "student ID", "15 minutes"], visuals=["login|screen|laptop|computer"]),
    B("howto-bike-tyre", "how-to",
      "Explainer from Spoke & Chain: fixing a flat tyre on the road. Tools: two tyre levers, a spare tube, a mini pump. "
      "Steps: remove the wheel, lever off the tyre, swap the tube, pump to 80 psi. B-roll of a bike on a roadside. 60 seconds.",
      duration=(60, 60), brand="Spoke & Chain|Spoke and Chain", cta=None,
      items=["tyre levers|tire levers", "spare tube", "mini pump", "remove the wheel", "swap the tube", "80 psi"],
      never=["b-roll"], visuals=["bike|bicycle"]),
    B("howto-plants-chatty", "how-to",
      "can you do a short how-to for our plant shop Leaf Loft about keeping a fiddle leaf fig alive? bright indirect light, "
      "water when the top 5 cm of soil is dry, rotate it a quarter turn every week, and don't move it around. maybe 30 seconds? "
      "leafloft.shop",
      duration=(30, 30), brand="Leaf Loft", cta="leafloft.shop",
      items=["fiddle leaf fig", "indirect light", "5 cm|5 centimetres", "quarter turn"]),

    # ---- lessons ----
    B("lesson-photosynthesis", "lesson",
      "A 60-second lesson for Year 8 science: photosynthesis. Key terms: chlorophyll, carbon dioxide, glucose, oxygen. "
      "The equation: carbon dioxide plus water, with light, makes glucose and oxygen. Presenter: a teacher, a woman with curly hair. "
      "Show a diagram of a leaf.",
      duration=(60, 60), brand=None, cta=None,
      items=["photosynthesis", "chlorophyll", "carbon dioxide", "glucose", "oxygen", "water"],
      never=["curly hair", "year 8 science"], visuals=["leaf|diagram"], gender="female"),
    B("lesson-compound-interest", "lesson",
      "Explain compound interest for the Penny Wise finance course, 45s. Example: £1,000 at 5% a year becomes £1,629 after "
      "10 years. Rule of 72: divide 72 by the rate to get the years to double. Key terms: principal, rate, compounding.",
      duration=(45, 45), brand="Penny Wise", cta=None,
      items=["compound interest", "£1,000|1,000|1000", "5%", "£1,629|1,629|1629", "10 years", "rule of 72", "principal"]),
    B("lesson-spanish-phrases", "lesson",
      "Short lesson for English speakers learning Spanish: three travel phrases. '¿Dónde está el baño?' means where is the "
      "bathroom. 'La cuenta, por favor' means the bill, please. '¿Cuánto cuesta?' means how much is it. 30 seconds, for "
      "Hablamos Academy.",
      duration=(30, 30), brand="Hablamos Academy|Hablamos", cta=None,
      items=["Dónde está el baño", "La cuenta, por favor|la cuenta por favor", "Cuánto cuesta"]),
    B("lesson-first-aid", "lesson",
      "CPR basics for the Lifeline First Aid course, 50 seconds. Check for danger, call 999, give 30 chest compressions at "
      "a rate of 100 to 120 a minute, 5 to 6 cm deep, then 2 rescue breaths. Presenter: a male paramedic.",
      duration=(50, 50), brand="Lifeline First Aid|Lifeline", cta=None,
      items=["999", "30 chest compressions", "100 to 120|100-120", "5 to 6 cm|5-6 cm", "2 rescue breaths|two rescue breaths"],
      never=["paramedic"], gender="male"),

    # ---- non-profit appeals ----
    B("np-trees", "non-profit appeal",
      "Appeal for Rootwork, a reforestation charity. Last year volunteers planted 1,200 trees across 6 schools. Just £5 plants "
      "a tree. Donate at rootwork.org/give by December 31. Earnest, hopeful. 40 seconds.",
      duration=(40, 40), brand="Rootwork", cta="rootwork.org/give",
      items=["1,200|1200", "6 schools|six schools", "£5|5 pounds", "December 31|31 December"],
      never=["earnest", "hopeful"]),
    B("np-foodbank", "non-profit appeal",
      "Harbour Food Bank needs volunteers for the winter rush. We fed 3,400 families last winter. Shifts are 3 hours, "
      "weekday evenings or Saturday mornings. Testimonial from volunteer Grace Obi: \"Three hours a week, and I've never felt "
      "more useful.\" Sign up at harbourfoodbank.org/volunteer. 45 seconds.",
      duration=(45, 45), brand="Harbour Food Bank", cta="harbourfoodbank.org/volunteer",
      items=["3,400|3400", "3 hours|three hours", "Saturday"],
      quotes=[("Three hours a week, and I've never felt more useful.", "Grace Obi")]),
    B("np-animal-shelter-vertical", "non-profit appeal",
      "Vertical video for Paws Haven shelter: 38 dogs and 21 cats waiting for homes. Adoption fee is waived this weekend. "
      "Show the attached photo of Biscuit, a 3-year-old beagle. Visit pawshaven.org. 25s",
      files=[("png", "biscuit.png", (200, 160, 90))],
      duration=(25, 25), orientation="portrait", brand="Paws Haven", cta="pawshaven.org",
      items=["38 dogs", "21 cats", "waived", "Biscuit", "beagle"], never=["vertical"], visuals=["@0"]),
    B("np-water-no-duration", "non-profit appeal",
      "Clear Springs builds wells in rural Malawi. One well serves about 300 people and costs $4,000. Since 2015 we've built 85 wells. "
      "Give monthly at clearsprings.org.",
      duration=(15, 60), brand="Clear Springs", cta="clearsprings.org",
      items=["Malawi", "300 people", "$4,000|4,000|4000", "2015", "85 wells"]),

    # ---- verbatim ----
    B("verb-simple", "verbatim",
      "Say exactly: \"Welcome to Harper Dental. We're open six days a week, and new patients get a free check-up. "
      "Book online at harperdental.com.\"",
      duration=(5, 20), brand="Harper Dental", cta="harperdental.com",
      quotes=[("Welcome to Harper Dental. We're open six days a week, and new patients get a free check-up. Book online at harperdental.com.", "")]),
    B("verb-script-with-direction", "verbatim",
      "Use this script word for word, calm voice, navy background:\n\"Every year, our drivers cover four million miles. "
      "Every mile, we keep you safe. Atlas Fleet. Safety first.\"",
      duration=(5, 20), brand="Atlas Fleet", cta="Atlas Fleet",
      quotes=[("Every year, our drivers cover four million miles. Every mile, we keep you safe. Atlas Fleet. Safety first.", "")],
      never=["calm voice", "navy"]),
    B("verb-30s-read", "verbatim",
      "30 seconds. Read exactly this: \"At Brookfield Library, your card opens more than books. Borrow laptops, book a study room, "
      "or join Tuesday's coding club for teens. Membership is free for everyone who lives, works or studies in Brookfield. "
      "Sign up at the front desk or at brookfieldlibrary.org.\"",
      duration=(30, 30), brand="Brookfield Library", cta="brookfieldlibrary.org",
      quotes=[("At Brookfield Library, your card opens more than books. Borrow laptops, book a study room, or join Tuesday's coding "
               "club for teens. Membership is free for everyone who lives, works or studies in Brookfield. Sign up at the front desk "
               "or at brookfieldlibrary.org.", "")]),

    # ---- document-based ----
    B("doc-product-sheet", "document-based",
      "Make a 45-second product video from the attached spec sheet.",
      files=[("pdf", "voltcart.pdf", [["VoltCart X2 - Electric Utility Cart", "Payload: 350 kg", "Range: 60 km per charge",
                                      "Charge time: 4 hours", "Price: EUR 7,900", "Warranty: 3 years", "Order: voltcart.eu/x2"]])],
      duration=(45, 45), brand="VoltCart", cta="voltcart.eu/x2",
      items=["VoltCart X2|VoltCart", "350 kg|350 kilograms", "60 km|60 kilometres|60 kilometers", "4 hours|four hours",
             "7,900|7900", "3 years|three years"]),
    B("doc-menu-pdf", "document-based",
      "30s promo for our new autumn menu (attached). Cosy, rustic.",
      files=[("pdf", "menu.pdf", [["The Copper Pot - Autumn Menu", "Roast squash soup  7", "Venison stew with juniper  19",
                                  "Wild mushroom risotto  16", "Sticky toffee pudding  8", "Served from 1 October",
                                  "Book: thecopperpot.co.uk"]])],
      duration=(30, 30), brand="The Copper Pot|Copper Pot", cta="thecopperpot.co.uk",
      items=["squash soup", "venison stew", "mushroom risotto", "sticky toffee pudding", "1 October|October 1"],
      never=["cosy", "rustic"]),
    B("doc-annual-report", "document-based",
      "Summarise the attached impact report in a 60-second video for donors.",
      files=[("pdf", "impact.pdf", [["Brightwater Literacy Trust - Impact Report 2024", "Children reached: 12,500",
                                    "Volunteer tutors: 430", "Reading age gain: 14 months on average", "Libraries opened: 9",
                                    "Cost per child: GBP 38", "Support us: brightwater.org.uk/donate"]])],
      duration=(60, 60), brand="Brightwater Literacy Trust|Brightwater", cta="brightwater.org.uk/donate",
      items=["12,500|12500", "430", "14 months", "9 libraries|nine libraries|libraries opened", "38"]),
    B("doc-course-flyer-portrait", "document-based",
      "Vertical, 30 seconds, based on the flyer attached. Presenter: young man, hoodie.",
      files=[("pdf", "flyer.pdf", [["CodeCamp Bristol - 12-week Web Development Bootcamp", "Next cohort starts 6 May",
                                   "Evenings, 3 nights a week", "92% of graduates hired within 6 months",
                                   "Early-bird price GBP 3,950 until 15 April", "Apply at codecampbristol.com"]])],
      duration=(30, 30), orientation="portrait", brand="CodeCamp Bristol|CodeCamp", cta="codecampbristol.com",
      items=["12-week|12 week|twelve-week", "6 May|May 6", "92%", "3,950|3950", "15 April|April 15"],
      never=["vertical", "hoodie", "young man"], gender="male"),

    # ---- multilingual ----
    B("es-cafe-reel", "multilingual",
      "Reel vertical de 30 segundos para Café Lumbre en Valencia: café de especialidad tostado en casa, tostadas con tomate "
      "y una terraza con vistas al mar. Reserva en cafelumbre.es. Tono cálido.",
      duration=(30, 30), orientation="portrait", language="es", brand="Café Lumbre", cta="cafelumbre.es",
      items=["Valencia", "tostado en casa|tostamos", "tostadas con tomate", "terraza"], never=["vertical", "tono cálido", "30 segundos"]),
    B("es-clinica", "multilingual",
      "Vídeo de 45 segundos para la Clínica Dental Sonrisa en Madrid. Primera visita gratis, ortodoncia invisible desde 89 € al mes "
      "y urgencias los sábados. Llama al 910 555 123. Presentadora: una mujer joven con bata blanca.",
      duration=(45, 45), language="es", brand="Clínica Dental Sonrisa|Sonrisa", cta="910 555 123",
      items=["Madrid", "primera visita gratis|primera visita", "ortodoncia invisible", "89", "sábados"],
      never=["bata blanca", "mujer joven", "presentadora"], gender="female"),
    B("fr-boulangerie", "multilingual",
      "Une vidéo de 30 secondes pour la Boulangerie Martin à Lyon : baguette tradition, croissants au beurre AOP et pain "
      "au levain. Ouvert dès 6h30. Montrez des croissants. Commandez sur boulangeriemartin.fr",
      duration=(30, 30), language="fr", brand="Boulangerie Martin", cta="boulangeriemartin.fr",
      items=["Lyon", "baguette tradition", "croissant", "levain", "6h30|6 h 30"], visuals=["croissant"]),
    B("fr-formation-vertical", "multilingual",
      "En format vertical, 20 secondes : la formation « Excel pour débutants » de FormaPro, 8 modules, 100 % en ligne, certificat "
      "inclus. Inscription sur formapro.fr/excel. Ton dynamique, couleurs bleu et jaune.",
      duration=(20, 20), orientation="portrait", language="fr", brand="FormaPro", cta="formapro.fr/excel",
      items=["Excel pour débutants", "8 modules|huit modules", "100 %|100%", "certificat"],
      never=["format vertical", "dynamique", "bleu", "jaune"]),
    B("de-fahrrad", "multilingual",
      "Ein 45-Sekunden-Video für Radwerk Berlin: E-Bike-Leasing ab 39 € im Monat, Inspektion inklusive, Probefahrt ohne Termin. "
      "Ruhiger, seriöser Ton. Termin unter radwerk.berlin",
      duration=(45, 45), language="de", brand="Radwerk", cta="radwerk.berlin",
      items=["E-Bike", "39", "Inspektion", "Probefahrt"], never=["ruhiger", "seriöser", "ton"]),
    B("de-hochformat", "multilingual",
      "Hochformat, 15 Sekunden. Bäckerei Keller: frische Brezeln ab 6 Uhr, Sonntag geöffnet. Hauptstraße 12, Freiburg.",
      duration=(15, 15), orientation="portrait", language="de", brand="Bäckerei Keller|Keller", cta="Hauptstraße 12",
      items=["Brezeln", "6 Uhr", "Sonntag"], never=["hochformat", "15 sekunden"]),
    B("pt-imobiliaria", "multilingual",
      "Vídeo de 30 segundos para a Casa Lusa Imobiliária: apartamento T2 em Lisboa, 85 m², varanda com vista para o rio, "
      "285 000 €. Ligue 213 555 010.",
      duration=(30, 30), language="pt", brand="Casa Lusa", cta="213 555 010",
      items=["T2", "Lisboa", "85 m²|85 metros", "varanda", "285 000|285.000|285"]),
    B("pt-vertical-academia", "multilingual",
      "Vídeo vertical de 20 segundos para a academia FitVida em São Paulo: primeira semana grátis, aulas de spinning e "
      "funcional, aberta 24 horas. Matricule-se em fitvida.com.br",
      duration=(20, 20), orientation="portrait", language="pt", brand="FitVida", cta="fitvida.com.br",
      items=["São Paulo", "primeira semana grátis|semana grátis", "spinning", "funcional", "24 horas"],
      never=["vertical", "20 segundos"]),
    B("it-trattoria", "multilingual",
      "Un video di 30 secondi per la Trattoria da Nino a Bologna: tagliatelle al ragù, tortellini in brodo e tiramisù della casa. "
      "Aperti dal martedì alla domenica. Prenota al 051 555 0198.",
      duration=(30, 30), language="it", brand="Trattoria da Nino|da Nino", cta="051 555 0198",
      items=["Bologna", "tagliatelle al ragù", "tortellini in brodo", "tiramisù"]),
    B("it-verticale-corso", "multilingual",
      "Video verticale, 25 secondi: corso di fotografia di LuceStudio a Milano, 6 lezioni il sabato mattina, 240 € tutto incluso. "
      "Iscrizioni su lucestudio.it. Tono elegante.",
      duration=(25, 25), orientation="portrait", language="it", brand="LuceStudio|Luce Studio", cta="lucestudio.it",
      items=["fotografia", "Milano", "6 lezioni|sei lezioni", "sabato", "240"], never=["verticale", "elegante"]),
    B("zh-tea-vertical", "multilingual",
      "竖屏，30秒。为「山间茶舍」做一个宣传视频：有机高山乌龙茶，每周六下午有茶艺课，新会员首单八折。地址：杭州西湖区龙井路18号。",
      duration=(30, 30), orientation="portrait", language="zh", brand="山间茶舍", cta="龙井路18号",
      items=["乌龙茶", "茶艺课", "八折", "杭州"], never=["竖屏", "30秒"]),
    B("zh-app-launch", "multilingual",
      "45秒的产品介绍视频：「快记账」App 2.0 上线，支持语音记账、多账本和月度报表，已有50万用户。在应用商店搜索「快记账」下载。语气轻松。",
      duration=(45, 45), language="zh", brand="快记账", cta="应用商店|下载",
      items=["2.0", "语音记账", "多账本", "月度报表", "50万"], never=["语气轻松", "45秒"]),

    # ---- long briefs (~10,000 characters) ----
    B("long-product-doc", "long", LONG_PRODUCT,
      duration=(90, 90), brand="Harbor CRM|Harbor", cta="harborcrm.com/trial",
      items=["Starter", "Growth", "Scale", "$29|29 dollars", "$79|79 dollars", "$199|199 dollars", "March 18|18 March",
             "pipeline", "inbox"],
      quotes=[("We closed 40% more renewals in the first quarter.", "Elena Ruiz")],
      never=["navy", "teal", "confident", "calm", "lower third", "b-roll", "woman in her forties"], gender="female",
      visuals=["dashboard|pipeline|chart"]),
    B("long-course-outline", "long", LONG_COURSE,
      duration=(120, 120), brand="Northwind Academy|Northwind", cta="northwind.academy/data",
      items=["Data Analysis Foundations", "12 weeks|twelve weeks|12-week", "spreadsheets", "SQL", "Python", "dashboards", "capstone",
             "£1,200|1,200|1200", "January 13|13 January"],
      never=["warm", "encouraging", "teacher", "older man", "grey beard", "kinetic"], gender="male"),
]
