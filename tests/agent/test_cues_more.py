"""Brief understanding added with the evaluation set: each rule on the smallest prompt that needs it."""

from __future__ import annotations

from onetake.agent.planner import plan
from onetake.agent.planner.claims import find_when
from onetake.agent.planner.cues import extract
from onetake.agent.storyboard import SceneRole
from onetake.brief.models import Brief


def test_any_lower_case_domain_is_a_url_but_file_names_are_not():
    assert extract("A video for GreenRow. Visit greenrow.farm").cta.url == "greenrow.farm"
    assert extract("A video for Quill. Try it at quill.ink").cta.url == "quill.ink"
    assert extract("Summarise report.pdf for the team").cta.url is None


def test_verbless_list_sentence_is_the_features_but_a_palette_is_not():
    assert extract("A video for Bean There. Fresh beans daily, oat milk on tap and a quiet back room.").features == [
        "Fresh beans daily", "oat milk on tap", "a quiet back room"]
    assert extract("A video for Needle & Note. Keep branding cohesive with cream, burgundy, and brass accents.").features == []


def test_figures_after_a_colon_and_verbless_figures_are_facts():
    cues = extract("A 15-second urgent ad: Flash sale at Boot Barn Outlet, 40% off all boots until Sunday.")
    assert cues.facts == ["Flash sale at Boot Barn Outlet, 40% off all boots until Sunday."]
    assert "98% of patients would recommend us." in extract("Harbor Health. 98% of patients would recommend us.").facts


def test_event_date_time_and_place():
    assert find_when("Join TechNight on March 14 at 7 pm at Riverside Hall.") == "Mark the date: March 14, at 7 pm, at Riverside Hall."
    assert find_when("Open on Saturday at noon in Lisbon") == "Mark the date: Saturday, at noon, in Lisbon."
    assert find_when("Tours run on weekends") is None
    assert extract("A 30-second invitation to TechNight 2026, on March 14.").brand == "TechNight 2026"


def test_topic_without_article_and_how_clause():
    cues = extract("A 45-second explainer on photosynthesis for students: how leaves turn light into sugar.")
    assert cues.subject == "photosynthesis"
    assert "Here's how leaves turn light into sugar." in cues.facts


def test_hook_label_with_a_picture_is_said():
    sb = plan(Brief(prompt="A 30-second video for Orbit Notes. Scenes: 1) Hook: a messy desk covered in sticky notes. "
                           "2) Introduce Orbit Notes, the note app that links ideas. 3) End with: try it at orbitnotes.app"), 2.97)
    assert "Picture a messy desk covered in sticky notes." in sb.scenes[0].narration


def test_a_six_second_video_is_its_call_to_action():
    sb = plan(Brief(prompt="A 6-second teaser for PulseKey, the keyboard that tracks your typing health. Visit pulsekey.io"), 2.97)
    assert [s.role for s in sb.scenes] == [SceneRole.cta]
    assert "pulsekey.io" in sb.scenes[0].narration and "PulseKey" in sb.scenes[0].narration


def test_quoted_line_without_an_ending_does_not_run_on():
    sb = plan(Brief(prompt='A 30-second video for GreenRow. Include the quote "It changed how we plan every season" '
                           'from Maria, a grower in Fresno.'), 2.97)
    text = " ".join(s.narration for s in sb.scenes)
    assert "It changed how we plan every season." in text


def test_videos_of_a_few_seconds_are_written_with_headroom():
    """A 6 s teaser rendered at 7.04 s when written at the voice's full rate; with 15 % headroom, 6.00 s."""
    prompt = "A 6-second teaser for PulseKey, the keyboard that tracks your typing health. Visit pulsekey.io"
    sb = plan(Brief(prompt=prompt), 2.97)
    words = len(sb.scenes[0].narration.split())
    assert words <= round((6 - 0.35) * 2.97 * 0.85) + 1


def test_a_name_set_off_by_commas_after_our_noun_is_the_brand():
    assert extract("Create a 30 second ad for our bakery, Crumb & Co, in Leeds.").brand == "Crumb & Co"
    assert extract("A video for my studio, Bloom Yoga.").brand == "Bloom Yoga"
    assert extract("Our team, the designers, will present.").brand is None  # lower case: no name


def test_explain_and_demo_name_the_subject():
    assert extract("Explain our new CRM platform for dentists.").subject == "our new CRM platform"
    assert extract("Demo the Orbit dashboard to new users.").subject is not None


def test_the_video_request_itself_is_not_a_feature_list():
    cues = extract("A video for my studio, Bloom Yoga.")
    assert cues.features == []
    assert extract("Fresh beans daily, oat milk on tap and a quiet back room.").features  # a real list still is


def test_a_small_business_brief_gives_its_description_and_its_list():
    cues = extract("Create a 20-second video introducing Crumb & Co, our bakery in Leeds, with sourdough, "
                   "cinnamon buns and a Saturday market stall. Warm and friendly. Visit crumbandco.co.uk")
    assert cues.brand == "Crumb & Co" and cues.description == "our bakery in Leeds"
    assert cues.features == ["sourdough", "cinnamon buns", "a Saturday market stall"]


def test_an_announcement_says_its_news_and_names_its_subject():
    cues = extract("Announce our summer sale: 30% off all shoes this weekend only at shoeshack.com")
    assert cues.subject == "our summer sale"
    assert cues.facts == ["30% off all shoes this weekend only at shoeshack.com."]


def test_explain_how_becomes_a_line_to_say_and_the_name_after_our_tool_is_the_brand():
    cues = extract("Explain how our SaaS tool, Ledgerly, automates invoicing for freelancers. Friendly tone, 45 seconds.")
    assert cues.brand == "Ledgerly"
    assert "Here's how our SaaS tool, Ledgerly, automates invoicing for freelancers." in cues.facts


def test_a_closing_imperative_is_the_call_to_action_but_a_one_line_brief_is_not():
    assert extract("A 15 second TikTok for Glow Serum. Vitamin C, for brighter skin in 2 weeks. Shop now.").cta.action == "shop now"
    assert extract("A short video for our clinic. Call 512-555-0142 to book.").cta.action == "call 512-555-0142 to book"
    assert extract("Get ready for summer with our new menu.").cta.action is None


def test_verbless_marketing_lines_with_a_participle_or_a_figure_are_facts():
    facts = extract("Make a video about our new coffee subscription. Fresh beans delivered every two weeks, roasted in Portland.").facts
    assert "Fresh beans delivered every two weeks, roasted in Portland." in facts
    assert "Vitamin C, for brighter skin in 2 weeks." in extract("A TikTok for Glow Serum. Vitamin C, for brighter skin in 2 weeks.").facts


def test_news_after_a_short_label_is_said_and_starts_a_sentence():
    facts = extract("Quarterly update for investors: revenue grew 42% to $3.1M, churn fell to 2.5%, and we signed 14 enterprise customers.").facts
    assert facts == ["Revenue grew 42% to $3.1M, churn fell to 2.5%, and we signed 14 enterprise customers."]
    assert extract("Palette: cobalt, cream, brass and coral for 2 scenes.").facts == []  # a label of directions is not news


def test_other_languages_find_the_brand_after_our_noun_and_keep_their_products():
    from onetake.agent.planner.localized import read_cues

    es = read_cues("Crea un video de 20 segundos para nuestra panadería, Pan & Sol, en Sevilla. Pan de masa madre y café. "
                   "Visítanos en pansol.es", "es")
    assert es.brand == "Pan & Sol" and es.description == "nuestra panadería en Sevilla"
    assert es.facts == ["Pan de masa madre y café."]  # "pan" is bread here, not a camera move
    de = read_cues("Erstelle ein 20-Sekunden-Video für unsere Bäckerei, Brotzeit, in München. Sauerteigbrot und Brezeln.", "de")
    assert de.brand == "Brotzeit" and de.facts == ["Sauerteigbrot und Brezeln."]
    fr = read_cues("Créez une vidéo pour notre boulangerie, Le Fournil, à Lyon.", "fr")
    assert fr.brand == "Le Fournil" and fr.description == "notre boulangerie à Lyon"
