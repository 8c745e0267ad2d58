"""Storyboards written by hand in the prompt's language, as the planner is to write them:
they drive every stage after planning (make_video_from_storyboard) without the planner."""

from __future__ import annotations

from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.brief.models import Brief, Orientation

SIZE = (640, 360)


def _board(language: str, title: str, brand: str, cta: str, scenes: list[Scene], seconds: float) -> Storyboard:
    return Storyboard(title=title, brand=brand, target_duration=seconds, duration_requested=True, orientation=Orientation.landscape,
                      width=SIZE[0], height=SIZE[1], cta=cta, language=language, scenes=scenes)


def zh() -> Storyboard:
    return _board("zh", "Aurora 智能音箱", "Aurora", "aurora.cn", [
        Scene(id="s1", role=SceneRole.hook, layout=Layout.presenter_full, narration="认识一下 Aurora，一款智能音箱。",
              on_screen_text="认识 Aurora", duration_budget=3.0),
        Scene(id="s2", role=SceneRole.bullets, layout=Layout.bullets, narration="续航二十小时，今天只需 149 元。",
              on_screen_text="为什么选择 Aurora", bullets=["续航二十小时", "只需 149 元"], duration_budget=3.5),
        Scene(id="s3", role=SceneRole.cta, layout=Layout.end_card, narration="现在就下单吧！", on_screen_text="立即下单", duration_budget=1.5),
    ], 8.0)


def pt() -> Storyboard:
    return _board("pt", "Padaria Pão Dourado", "Pão Dourado", "paodourado.pt", [
        Scene(id="s1", role=SceneRole.hook, layout=Layout.presenter_full, narration="Conheça a Pão Dourado, a padaria do seu bairro.",
              on_screen_text="Pão Dourado", duration_budget=3.0),
        Scene(id="s2", role=SceneRole.bullets, layout=Layout.bullets, narration="Pão fresco às sete e café por um euro.",
              on_screen_text="Todas as manhãs", bullets=["Pão fresco às sete", "Café por um euro"], duration_budget=3.0),
        Scene(id="s3", role=SceneRole.cta, layout=Layout.end_card, narration="Visite-nos hoje!", on_screen_text="Visite-nos", duration_budget=1.5),
    ], 7.5)


def it() -> Storyboard:
    return _board("it", "Gelateria Luna", "Luna", "gelaterialuna.it", [
        Scene(id="s1", role=SceneRole.hook, layout=Layout.presenter_full, narration="Benvenuti alla Gelateria Luna, nel cuore di Bologna.",
              on_screen_text="Gelateria Luna", duration_budget=3.5),
        Scene(id="s2", role=SceneRole.cta, layout=Layout.end_card, narration="Vi aspettiamo ogni sera!", on_screen_text="Vi aspettiamo", duration_budget=2.0),
    ], 6.0)


def brief_for(board: Storyboard, prompt: str, **options) -> Brief:
    """The brief such a storyboard answers: its size and length; the rest as a user would leave it."""
    return Brief(prompt=prompt, width=board.width, height=board.height, duration=board.target_duration, orientation=board.orientation,
                 music="none", **options)


PROMPTS = {
    "zh": "为 Aurora 智能音箱做一个 8 秒的视频，由一位女性主持人介绍。",
    "pt": "Um vídeo de 8 segundos para a padaria Pão Dourado, apresentado por uma mulher.",
    "it": "Un video di 6 secondi per la Gelateria Luna, presentato da un uomo.",
}
