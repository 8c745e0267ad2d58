"""The two ~10,000-character briefs: a full product document and a course outline, as users paste them."""

LONG_PRODUCT = """Harbor CRM launch video: brief for the video team

Length: 90 seconds. Landscape. Style notes: navy and teal, clean and modern, confident but calm delivery, lower third with the presenter's name, B-roll of sales teams at work. Presenter: a woman in her forties with short hair, smart casual.

Background
Harbor CRM is a customer relationship manager for small and mid-sized sales teams, from five to two hundred sellers. It launches publicly on March 18 after an eighteen-month private beta with 340 companies. The beta taught us that small teams do not want more features; they want fewer clicks between a lead and a signed contract. Everything in Harbor is built around that idea: one shared inbox, one pipeline, one place to see what needs doing today.

Who it is for
Our buyer is the head of sales or the founder at a company that has outgrown spreadsheets but finds the big CRMs slow, expensive and hard to set up. They are practical, busy, and sceptical of software that promises to transform their business. They want to see the product do something useful in the first minute. The people who will use Harbor every day are account executives and customer success managers, who care about speed, a clean mobile app and not having to type the same thing twice.

What the product does
1. Shared inbox. Every email, call note and chat message with a customer lands in one timeline, visible to the whole account team. Replies can be assigned, snoozed or turned into tasks with one keystroke.
2. Visual pipeline. Deals move across stages by drag and drop. Each stage can require fields before a deal moves on, so forecasts stay honest without nagging.
3. Automatic follow-ups. Harbor notices when a deal has gone quiet for a number of days the team chooses and drafts a follow-up email in the seller's own style for them to approve.
4. Forecasting. A weekly forecast is built from the pipeline with a confidence range, not a single hopeful number. Managers can compare the forecast with last quarter's actuals in two clicks.
5. Mobile app. Everything above works on iOS and Android, including offline notes that sync when the phone is back online.
6. Integrations. Harbor connects to Gmail, Outlook, Slack, Stripe, QuickBooks and Zapier out of the box, and has an open API for everything else.
7. Data import. A guided import brings in contacts and deals from spreadsheets, HubSpot, Pipedrive or Salesforce in under an hour for most teams.

Pricing
There are three plans, billed per seller per month, with a 14-day free trial and no card needed to start.
- Starter, $29 per seller per month: shared inbox, pipeline, mobile app, up to 5,000 contacts.
- Growth, $79 per seller per month: everything in Starter, plus automatic follow-ups, forecasting and all integrations.
- Scale, $199 per seller per month: everything in Growth, plus single sign-on, audit logs, custom roles and a named success manager.
Annual billing saves two months on every plan. Non-profits get 50% off Starter and Growth.

Proof points we are allowed to use
- Beta customers reported a median of 6 hours a week saved per seller on data entry.
- Average time from sign-up to the first deal moved in the pipeline was 11 minutes.
- Elena Ruiz, VP of Sales at Tidewell Supply, said: "We closed 40% more renewals in the first quarter." She has approved this quote for the launch video; please show it on screen with her name and title.
- 97% of beta companies chose to stay on after the beta ended.
Please do not use any other numbers; legal has only cleared these.

Key messages, in order of importance
1. Harbor is the CRM small sales teams actually use, because it takes fewer clicks to get work done.
2. The shared inbox and the pipeline mean nobody on the team loses track of a customer.
3. Automatic follow-ups keep quiet deals alive without the seller having to remember.
4. It is affordable and quick to start: three simple plans, a free trial, and data import in under an hour.
5. It launches on March 18.

Suggested structure (the team can adjust)
Open with the presenter: a short, honest line about how small teams juggle leads in spreadsheets and inboxes. Then show the product: the shared inbox first, then the pipeline, then a follow-up being drafted and approved. Then the proof: the 6 hours saved, the 11 minutes to first deal, and Elena's quote. Then the plans, shown as three cards with their prices. Close with the launch date and the call to action.

Call to action
Start your free trial at harborcrm.com/trial. This URL must be on the end card and said aloud.

Things to avoid
- Do not call Harbor "revolutionary", "game-changing" or "AI-powered". It does use machine learning for the follow-up drafts, but we lead with what it does, not how.
- Do not compare Harbor by name with any competitor. We can say "the big CRMs" in general.
- Do not show real customer data on screen; the demo workspace uses a fictional company called Bluefin Outfitters.
- Avoid jargon like "synergy", "leverage" and "360-degree view".
- No stock footage of handshakes or people pointing at whiteboards.

Visuals
Screen recordings of the product will be supplied later, so for now plan scenes that show the dashboard, the pipeline board and the inbox. Use the brand colours: navy for backgrounds, teal for highlights, white text. The logo is a simple lighthouse mark; keep it small in the corner. Captions on for every scene, since most people will watch on LinkedIn with the sound off.

Tone
Plain, warm, practical. Talk to the viewer as one busy professional to another. Short sentences. No hype. A little dry humour is fine if it is kind. The presenter should sound like someone who has run a sales team, not like an announcer.

Audience notes from the sales team
Heads of sales told us in interviews that their biggest frustrations were: deals slipping because nobody followed up, forecasts that were pure guesswork, and new hires taking weeks to learn the CRM. When we showed them Harbor, the moments that landed were the follow-up draft appearing on its own, the forecast range, and how short the settings page is. Lean on those moments.

Distribution
The video will be posted on the launch page, on LinkedIn, and sent to the 340 beta companies with a thank-you note. A 15-second cut-down will be made later from the same material, so please keep each scene self-contained.

Frequently asked questions the video does not need to answer, for context only
Is there a free plan? No, but there is a 14-day trial. Is data stored in the EU? Customers can choose US or EU hosting. Can we keep our old CRM running in parallel? Yes, two-way sync with HubSpot and Pipedrive is available during migration. Is there phone support? Growth and Scale include phone support on weekdays; Starter has email and chat.

About the company
Harbor was founded in Portland, Oregon, by two former sales managers who were tired of fighting their tools. The team is 28 people. The company is profitable and independent. We do not need to mention any of this in the video, but it explains why the product is opinionated about simplicity.

Onboarding, for context
New workspaces open on a short checklist: connect an inbox, import contacts, invite the team, and move a first deal. Each step shows a short tip the first time and never again. Teams that finish the checklist in their first week are far more likely to stay, so the trial emails point back to it. Admins can set the pipeline stages from five templates (agency, software, wholesale, services, custom) and change them later without losing history. Permissions are simple: owners, managers and sellers, with custom roles on Scale. Single sign-on works with Google Workspace, Microsoft Entra ID and Okta.

Security and privacy, for context
Data is encrypted in transit and at rest, backed up every hour, and kept for thirty days after a workspace is closed unless the owner asks for it to be deleted sooner. Harbor is working towards SOC 2 Type II; the video must not claim any certification yet. Customers can export everything as CSV at any time, which we mention in sales conversations because small teams worry about being locked in.

Support
Every plan includes the help centre, email and in-app chat with real people during business hours in the US and Europe. Growth adds phone support on weekdays, and Scale adds a named success manager who runs a kick-off call and a review after ninety days. Median first reply time in the beta was under two hours.

Roadmap, not for the video
Shared dashboards, a Windows desktop app and a quote builder are planned for later this year. Please do not mention them; we only talk about what customers can use on launch day.

Words we use, so the script matches the product
A "deal" is an opportunity with a value and a stage. A "seller" is any user who owns deals. The "inbox" is the shared inbox, never "the mailbox". "Follow-ups" are the drafted emails, never "sequences" or "cadences". The "forecast" is the weekly range. Please keep to these words on screen and in the narration, so that what viewers hear matches what they will see when they open the trial.

Approval
Final cut to be approved by the head of marketing and by legal before March 11, one week ahead of launch. Please send the storyboard first so we can check the order of scenes and the on-screen text before anything is rendered.
"""

_MODULES = [
    ("Spreadsheets that tell the truth", "Cleaning messy data, tidy tables, lookups, pivot tables and the habit of checking totals before trusting them."),
    ("Asking good questions", "Turning a vague request from a manager into a question that data can answer, and agreeing what a good answer looks like."),
    ("Descriptive statistics", "Averages, medians, spread and outliers, and why the median often tells the story better than the mean."),
    ("Charts that people read", "Choosing the right chart, labelling it honestly, and removing everything that does not help the reader."),
    ("SQL part one", "Selecting, filtering and sorting rows, and joining two tables without losing or doubling records."),
    ("SQL part two", "Grouping and aggregating, window functions for running totals, and writing queries other people can maintain."),
    ("Python for analysts", "Notebooks, pandas data frames, reading files and databases, and repeating an analysis with one click."),
    ("Cleaning at scale", "Dates, missing values, duplicates and text fields, handled in code so the cleaning is documented and repeatable."),
    ("Experiments and A/B tests", "Designing a fair test, sample sizes, and explaining uncertainty to people who want a yes or a no."),
    ("Dashboards", "Building a dashboard people open every Monday: a few measures, clear definitions, and filters that answer real questions."),
    ("Communicating results", "Writing a one-page summary, presenting to a room, and handling the question you cannot answer yet."),
    ("Capstone project", "A real data set from a partner organisation, analysed end to end, presented to a panel and added to your portfolio."),
]

LONG_COURSE = (
    "Course trailer brief: Data Analysis Foundations, Northwind Academy\n\n"
    "Please make a 2-minute trailer (120 seconds) for our new online course. Landscape for the website. Presenter: an older man "
    "with a grey beard, a teacher type, warm and encouraging. Use kinetic text for the module names if it helps. Gentle music.\n\n"
    "About the course\n"
    "Data Analysis Foundations is a 12-week, part-time online course for people who work with numbers but have never been taught "
    "to analyse them properly: office managers, marketers, nurses who run audits, small business owners, and anyone who has been "
    "handed a spreadsheet and asked what it means. It needs about six hours a week: one live evening class, one recorded lesson, "
    "and practice exercises with feedback from a tutor. Nobody needs to know any programming before they start; we begin with "
    "spreadsheets and build up to SQL and Python step by step.\n\n"
    "Why we built it\n"
    "Most data courses either stay at the level of formulas, or jump straight into code and lose half the class in week two. "
    "We wanted a course that starts where people are, teaches the thinking before the tools, and ends with a piece of work "
    "that proves what the student can do. Our tutors are working analysts who teach one evening a week alongside their jobs, "
    "so the examples come from real work, not from textbooks.\n\n"
    "The twelve modules, one per week\n"
    + "".join(f"Week {i}: {title}. {text}\n" for i, (title, text) in enumerate(_MODULES, start=1))
    + "\nWhat students finish with\n"
    "- A portfolio of four short analyses and one capstone project, each with its data, code and a written summary.\n"
    "- Confidence with spreadsheets, SQL and Python for everyday analysis, and the judgement to know which to use.\n"
    "- A certificate of completion from Northwind Academy, awarded when the capstone is passed.\n"
    "- Membership of the alumni community, with monthly talks and a jobs board.\n\n"
    "How it is taught\n"
    "Each week has a live class on Tuesday evenings from 7pm to 8:30pm UK time, recorded for anyone who cannot attend. "
    "Classes are capped at 24 students so the tutor knows everyone by name. Practice exercises are marked within three working "
    "days with written comments. There is a discussion forum that tutors answer every weekday. Students who fall behind can "
    "pause once and join the next cohort at the same point without paying again.\n\n"
    "Dates and price\n"
    "The next cohort starts on January 13. Applications close on January 6 or when the places are filled. The course costs "
    "£1,200, payable in full or in three monthly instalments of £400. Employers can be invoiced directly, and we provide a "
    "letter for training budgets. A limited number of bursaries cover the full fee for people on low incomes; ask about them "
    "when applying.\n\n"
    "What past students said (only this quote is approved)\n"
    "From the pilot cohort, Amina Clarke, an operations coordinator, wrote: \"For the first time I can answer my manager's questions "
    "with evidence instead of guesses.\" You may show it on screen with her name.\n\n"
    "Structure we would like\n"
    "1) Hook: the feeling of being handed a spreadsheet and asked what it means.\n"
    "2) Who the course is for.\n"
    "3) The journey: spreadsheets, then SQL, then Python, then dashboards, then the capstone. Show this as a path, not a list of twelve items.\n"
    "4) How it is taught: live classes, tutors who are working analysts, small groups.\n"
    "5) The quote from Amina.\n"
    "6) Dates and price.\n"
    "7) Call to action: apply at northwind.academy/data.\n\n"
    "Please avoid\n"
    "- Promises about salaries or guaranteed jobs. We do not make them.\n"
    "- The words 'bootcamp', 'ninja' and 'master' in any form.\n"
    "- Stock footage of people in hoodies typing green code.\n"
    "- Reading all twelve module titles aloud; pick the milestones.\n\n"
    "About Northwind Academy\n"
    "Northwind Academy is a small online school based in Manchester that has taught practical skills courses since 2016, "
    "mostly in bookkeeping, project management and now data. Around 3,000 students have completed a Northwind course. We are "
    "proud that most of them come from careers where nobody offered them this kind of training before.\n\n"
    "Audience research notes\n"
    "In interviews with people on our waiting list, the same worries came up again and again: 'I am not a maths person', "
    "'I tried an online course and gave up', and 'I do not have time'. The trailer should answer those gently. Not a maths "
    "person: the course teaches reasoning with examples, not formulas for their own sake. Gave up before: small live groups "
    "and a tutor who marks your work. No time: six hours a week, recorded classes, and the option to pause once. "
    "People also told us what would make them sign up: seeing the kind of project they would finish with, knowing the tutors "
    "do this work for a living, and a clear price with no surprises. The capstone examples from the pilot included a "
    "hospital's appointment no-show analysis, a bakery's waste-reduction dashboard, and a charity's donor retention study.\n\n"
    "Accessibility\n"
    "All live classes have captions, recordings have transcripts, and course materials work with screen readers. Students "
    "can ask for extra time on any exercise without giving a reason. The trailer itself must have captions, and any text on "
    "screen should stay up long enough to be read comfortably.\n\n"
    "Technical requirements for students\n"
    "A laptop or desktop computer made in the last six years, a web browser, and a reliable internet connection. All software "
    "used in the course is free, and we help students install it in the first week. Tablets and phones are fine for watching "
    "the recordings but not for the exercises.\n\n"
    "\nMeet the tutors, for context\nThe teaching team is six working analysts. Ruth leads the spreadsheet weeks and has spent ten years in retail planning. Kwame teaches SQL and runs the data team at a housing association. Sofia teaches Python and builds forecasting tools for a logistics firm. Each tutor looks after one small group for the whole course, so students always know who is marking their work and whom to ask. Tutors meet every Friday to compare notes on where students struggled that week, and the next live class starts by going over it.\n\nA sample week\nMonday: the recorded lesson is released, about forty minutes in short parts, with a worked example from a real organisation. Tuesday evening: the live class, where the group works through a problem together and the tutor answers questions. Wednesday to Sunday: practice exercises at each student's own pace, with a forum for questions. The following Monday: written feedback on the exercises, and the next lesson is released.\n"
    '\nQuestions applicants ask, for context\nDo I need a degree? No; about a third of the pilot cohort had no degree, and all of them finished. Is it accredited? It is a Northwind Academy certificate, recognised by the employers we work with, not a university qualification. Can I do it from outside the UK? Yes, as long as the Tuesday class time works for you or you watch the recording. What if I miss a week? Every class is recorded and the tutor will help you catch up; you can also pause once and rejoin the next cohort at the same point. How many people finish? In the pilot, 21 of 24 students completed the capstone.\n'
    "Delivery of the video\n"
    "We need an MP4 for the course page and a version with burned-in captions for social media. Please keep the brand colours "
    "(deep green and off-white) and our logo small in a corner. The final version should be approved by the head of teaching "
    "before it is published.\n"
)
