"""The command line: `onetake make PROMPT`, `onetake revise OUT_DIR MESSAGE` and the catalogue listings."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from onetake.brief.intake import make_brief
from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S, MAX_FILES
from onetake.errors import InvalidInput, OnetakeError

console = Console(stderr=True)

_OPTION_NAMES = {"prompt": "PROMPT", "format": "--format", "file": "--file", "avatar_image": "--avatar-image", "photo": "PHOTO", "brand_kit": "--brand-kit", "name": "NAME", "OUT_DIR": "OUT_DIR"}


class RichStages:
    """One progress bar per pipeline stage."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task = None

    def start(self, stage: str, total: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, completed=self.progress.tasks[self.task].total)
        self.task = self.progress.add_task(stage, total=total)

    def advance(self, amount: int = 1) -> None:
        self.progress.advance(self.task, amount)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """onetake: one prompt in, one finished presenter video out. Offline."""


_BRIEF_OPTIONS = [
    click.argument("prompt"),
    click.option("--orientation", type=str, default=None, help="landscape or portrait (default: from the prompt)."),
    click.option("--width", type=int, default=None, help="Frame width in pixels (even)."),
    click.option("--height", type=int, default=None, help="Frame height in pixels (even)."),
    click.option("--duration", type=float, default=None, help=f"Target length in seconds ({DURATION_MIN_S:g}-{DURATION_MAX_S:g}; default: from the prompt)."),
    click.option("--avatar", "avatar_id", default=None, help="Presenter id (see `onetake avatars`), stock or saved."),
    click.option("--avatar-image", "avatar_image", default=None, type=click.Path(path_type=Path), help="A photo to present as a talking avatar."),
    click.option("--voice", "voice_id", default=None, help="Voice id (see `onetake voices`)."),
    click.option("--style", "style_id", default=None, help="Style id (see `onetake styles`)."),
    click.option("--brand-kit", "brand_kit_id", default=None, help="Brand kit id (see `onetake brand-kits list`): its colours, fonts and logo."),
    click.option("--file", "files", multiple=True, type=click.Path(path_type=Path), help=f"A file to use (image, video, audio, PDF, text); up to {MAX_FILES}."),
    click.option("--format", "output_format", default="mp4", show_default=True, help="mp4, webm or mov."),
    click.option("--quality", type=int, default=85, show_default=True, help="20-99."),
    click.option("--seed", type=int, default=0, show_default=True, help="Varies wording and motion; same seed, same video."),
    click.option("--music", default=None, help="A music mood (calm, upbeat, cinematic, playful, luxurious, corporate, moody, energetic) or 'none' (default: from the prompt and style; an attached audio file is used as the music)."),
]


class JobsChoice(click.ParamType):
    """--jobs: 'celery', 'local' or a number of videos at once (1-16)."""

    name = "N|celery"

    def convert(self, value, param, ctx):
        text = str(value).strip().lower()
        if text in ("celery", "local"):
            return text
        try:
            number = int(text)
        except ValueError:
            number = 0
        if not 1 <= number <= 16:
            self.fail(f"{value!r} is neither 'celery' nor a number of videos at once from 1 to 16", param, ctx)
        return number


def brief_options(command):
    """The options that describe a video, shared by `make` and `plan`."""
    for option in reversed(_BRIEF_OPTIONS):
        command = option(command)
    return command


def llm_options(command):
    """An optional OpenAI-compatible server to write the script (flags win over ONETAKE_LLM_* variables)."""
    command = click.option("--llm-key", "llm_key", default=None, help="API key for the LLM server, if it needs one.")(command)
    command = click.option("--llm-model", "llm_model", default=None, help="Model name on the LLM server (e.g. llama3.2).")(command)
    command = click.option("--llm-url", "llm_url", default=None, help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama).")(command)
    return command


def _use_llm(options: dict) -> None:
    """Check the LLM flags now (one clear error) and hand them to the pipeline through its environment."""
    import os

    from onetake.agent.llm import client

    url, model, key = options.pop("llm_url"), options.pop("llm_model"), options.pop("llm_key")
    config = client.config_from_env(url, model, key)
    if config is not None:
        os.environ[client.ENV_BASE_URL], os.environ[client.ENV_MODEL] = config.base_url, config.model
        if config.api_key:
            os.environ[client.ENV_API_KEY] = config.api_key


def _brief(options: dict):
    """A validated Brief; unknown presenter, voice or style ids fail here, in milliseconds."""
    from onetake.agent.casting import cast
    from onetake.visuals.styles import get_style

    brand_kit_id = options.pop("brand_kit_id", None)
    brief = make_brief(options.pop("prompt"), files=list(options.pop("files")), **options)
    if brand_kit_id:
        from onetake.visuals.brand_kits import get_brand_kit

        brief = brief.model_copy(update={"brand_kit_id": get_brand_kit(brand_kit_id).id})
    cast("", brief.avatar_id, brief.voice_id, avatar_image=brief.avatar_image.path if brief.avatar_image else None)
    if brief.style_id:
        get_style(brief.style_id)
    return brief


@main.command("make")
@brief_options
@llm_options
@click.option("--out", "out_dir", default="out", type=click.Path(file_okay=False, path_type=Path), show_default=True, help="Directory for the video and its captions, thumbnail and storyboard.")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Render processes (default: one per core).")
@click.option("--gif", "gif", is_flag=True, help="Also write a looping GIF preview (4 s, 480 px wide; about a second more).")
@click.option("--review", is_flag=True, help="Show the storyboard and cast first; render on Enter, or type a change (read from stdin when piped).")
@click.option("--incognito", is_flag=True, help="Neither use nor add to what onetake remembers about your brands (`onetake memory`).")
def make(out_dir, workers, gif, review, incognito, **options):
    """Render a finished video from PROMPT. Its plan is kept beside it for `onetake revise`."""
    started = time.perf_counter()
    from onetake.workers import WorkerPool

    _use_llm(options)
    brief = _brief(dict(options))
    if not incognito:
        from onetake.service import local_memory

        brief = brief.model_copy(update={"remembered": local_memory.recall(brief.prompt)})
    with WorkerPool(workers) as pool:  # workers boot while the pipeline's modules load and the plan is made
        from onetake.agent.chat import local

        request = local.request_fields(options)
        brief, plan = _first_plan(brief)
        if plan is None:  # the user's recording narrates: the pipeline plans around it, and there is no plan to revise
            if review:
                console.print("[yellow]--review: a video narrated by an attached recording is planned around it; it renders without review.[/yellow]")
            outputs = _render(brief, out_dir, pool, gif)
        else:
            if review:
                plan, brief, request = _review(plan, brief, request)
            outputs = _render(brief, out_dir, pool, gif, plan)
            local.save(outputs.video.parent, plan, request)
    if not incognito:
        _remember(outputs, brief, request)
    _report(outputs, outputs.video, started)


def _remember(outputs, brief, request: dict) -> None:
    """What this video established about its brand, for the next `make` that names it."""
    import json

    from onetake.service import local_memory

    reading = json.loads((outputs.video.parent / "reading.json").read_text(encoding="utf-8"))
    chosen = {k: request.get(k) for k in ("avatar_id", "voice_id")} | {"brand_kit_id": brief.brand_kit_id}
    local_memory.learn(f"cli:{outputs.video.parent.name}"[:40], reading, chosen)


def _first_plan(brief):
    """The brief with what memory fills in, and the session plan `make` renders and keeps (None when an attached
    recording is the narration)."""
    from onetake.agent.chat.revise import first_plan
    from onetake.agent.reading import read
    from onetake.agent.remembered import apply_memory
    from onetake.render.mix import narration_file_index

    brief, reading = apply_memory(brief, read(brief))
    if narration_file_index(brief, reading) is not None:
        return brief, None
    return brief, first_plan(brief, reading)


CACHE_FOLDER = ".revision-cache"  # in the --out folder: speech and video pieces a revision of its videos reuses


def _render(brief, out_dir: Path, pool, gif: bool, plan=None, cache_root: Path | None = None):
    from onetake.pipeline import make_video

    given = {"storyboard": plan.storyboard, "cast": plan.cast} if plan is not None else {}
    cache = (cache_root or out_dir) / CACHE_FOLDER if plan is not None else None
    columns = (TextColumn("{task.description:<10}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bars:
        return make_video(brief, out_dir, RichStages(bars), pool=pool, gif=gif, cache_dir=cache, **given)


def _report(outputs, video: Path, started: float) -> None:
    wall = time.perf_counter() - started
    for note in outputs.notes:
        console.print(f"[dim]{note}[/dim]")
    console.print(f"Rendered {outputs.duration:.2f} s of video in {wall:.1f} s (real-time factor {wall / outputs.duration:.2f}).")
    from onetake.export.files import export_paths

    exports = export_paths(video)  # written by the pipeline beside the video
    if exports.otio.is_file() and exports.fcp_xml.is_file():
        console.print(f"[dim]Editable timeline: {exports.otio.name} (OpenTimelineIO), {exports.fcp_xml.name} (Final Cut Pro 7 XML, for Premiere)[/dim]")
    else:
        console.print("[yellow]The editable timeline (.otio, .xml) could not be written; the video is complete (the log says why).[/yellow]")
    click.echo(str(video))


def _ask(prompt: str) -> str | None:
    """One answer line from stdin, a terminal or a pipe alike (None at its end). The prompt goes to
    stderr: stdout stays the video's path, for scripts."""
    click.echo(prompt, err=True, nl=False)
    line = sys.stdin.readline()
    if not line:
        click.echo("", err=True)
        return None
    if not sys.stdin.isatty():
        click.echo(line.rstrip("\n"), err=True)  # a piped answer shows in the log after its question
    return line.strip()


def _review(plan, brief, request: dict):
    """Show the plan and ask until it is approved; each typed change revises it like `onetake revise`."""
    from onetake.agent.chat import local

    console.print(local.describe(plan), markup=False, highlight=False)
    while True:
        answer = _ask("Render this? [Y/n or type a change] ")
        if answer is None:
            raise click.ClickException("--review: stdin ended before an answer; nothing was rendered")
        if answer.lower() in ("", "y", "yes"):
            return plan, brief, request
        if answer.lower() in ("n", "no"):
            raise click.ClickException("not rendered (answered no)")
        result = local.reply(answer, plan, brief)
        for line in result.lines:
            console.print(line, markup=False, highlight=False)
        if result.intent == "approve":
            return plan, brief, request
        if result.revised is not None:
            plan, brief, request = result.revised.plan, result.revised.brief, request | result.revised.brief_updates
            console.print(local.describe(plan), markup=False, highlight=False)


@main.command("revise")
@click.argument("out_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("message")
@llm_options
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Render processes (default: one per core).")
@click.option("--gif", "gif", is_flag=True, help="Also write a looping GIF preview.")
def revise_command(out_dir, message, workers, gif, **options):
    """Change a video made by `onetake make` with a message ("make it 20 seconds", "a female presenter").

    OUT_DIR is the video's folder, or the --out folder (its newest video). The revision renders into
    a new folder beside the video (<name>-r2, -r3...); the original stays as it was."""
    started = time.perf_counter()
    from onetake.agent.chat import local
    from onetake.workers import WorkerPool

    _use_llm(options)
    session = local.load(out_dir)
    brief = _brief(local.brief_options(session.request))
    result = local.reply(message, session.plan, brief)
    for line in result.lines:
        console.print(line, markup=False, highlight=False)
    if result.intent == "approve":
        console.print(f"Nothing to render: {session.folder} stays as it is.")
        return
    if result.revised is None:
        raise click.ClickException("that message asked for no change I can make; nothing was rendered")
    revised = result.revised
    folder = local.revision_folder(session.folder.parent, session.folder.name, revised.plan.revision)
    with WorkerPool(workers) as pool:
        outputs, video = _render_into(folder, revised.brief, pool, gif, revised.plan)
    local.save(folder, revised.plan, session.request | revised.brief_updates)
    _report(outputs, video, started)


def _render_into(folder: Path, brief, pool, gif: bool, plan):
    """Render into `folder` itself (the pipeline names a video's folder after its title): into a hidden
    staging folder beside it, then moved into place whole, so a failed render leaves no half a revision.
    The editable timelines name their media by absolute path; they are pointed at the new place."""
    import shutil

    staging = folder.parent / f".{folder.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        outputs = _render(brief, staging, pool, gif, plan, cache_root=folder.parent)
        rendered = outputs.video.parent.resolve()
        rendered.rename(folder)
        _relink(folder.resolve() / outputs.video.name, rendered)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return outputs, folder / outputs.video.name


def _relink(video: Path, was: Path) -> None:
    from onetake.export.files import export_paths

    exports = export_paths(video)
    for file in (exports.otio, exports.fcp_xml):
        if file.is_file():
            content = file.read_text(encoding="utf-8")
            file.write_text(content.replace(was.as_uri(), video.parent.as_uri()).replace(str(was), str(video.parent)), encoding="utf-8")


@main.command("plan")
@brief_options
@llm_options
def plan_command(**options):
    """Print the storyboard and cast for PROMPT as JSON, without speaking or rendering."""
    from onetake.pipeline import plan_and_cast

    _use_llm(options)
    storyboard, chosen = plan_and_cast(_brief(options))
    click.echo(json.dumps({"storyboard": storyboard.model_dump(mode="json"), "cast": chosen.model_dump(mode="json")}, indent=2))


def _print_table(rows: list[dict], columns: list[str], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(", ".join(row[c]) if isinstance(row[c], list) else str(row[c]) for c in columns))
    Console().print(table)


@main.command("avatars")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--render-previews", "render_previews", is_flag=True, help="Render missing preview videos (a few seconds each).")
def avatars(as_json, render_previews):
    """List the stock presenters."""
    from onetake.avatar.catalogue import list_presenters
    from onetake.avatar.preview import preview_image

    from onetake.avatar.photo.store import list_saved

    from onetake.avatar.preview import preview_video

    rows = []
    for p in list_presenters():
        video = preview_video(p.id, render=render_previews)
        rows.append(p.model_dump(exclude={"look"}) | {"tags": p.tags, "preview_image": str(preview_image(p.id)), "preview_video": str(video) if video else None})
    rows += [{"id": a.id, "name": a.name, "gender": a.gender or "", "age_group": "", "style": ["photo"], "tags": ["photo"], "default_voice_id": a.voice_id or "",
              "preferred_framings": ["full", "panel", "pip"], "preview_image": str(a.source), "preview_video": None} for a in list_saved()]
    _print_table(rows, ["id", "name", "gender", "age_group", "style", "default_voice_id", "preview_image"], as_json)


@main.command("save-avatar")
@click.argument("photo", type=click.Path(path_type=Path))
@click.option("--name", required=True, help="Shown in lower thirds, e.g. \"Sarah Lee\".")
@click.option("--id", "avatar_id", default=None, help="Id for --avatar (default: from the name).")
@click.option("--gender", default=None, help="male or female: picks the default voice.")
@click.option("--voice", "voice_id", default=None, help="This avatar's own voice (see `onetake voices`).")
def save_avatar_command(photo, name, avatar_id, gender, voice_id):
    """Save a photo as a reusable talking avatar; prints its id for --avatar."""
    from onetake.avatar.catalogue import list_presenters
    from onetake.avatar.photo.store import save_avatar
    from onetake.voice.catalogue import get_voice

    if voice_id:
        try:
            get_voice(voice_id)
        except KeyError:
            raise InvalidInput("voice", f"unknown voice id '{voice_id}'") from None
    saved = save_avatar(photo, name, avatar_id, gender, voice_id, reserved={p.id for p in list_presenters()})
    for note in saved.notes:
        console.print(f"[dim]{note}[/dim]")
    click.echo(saved.id)


@main.command("delete-avatar")
@click.argument("avatar_id")
def delete_avatar_command(avatar_id):
    """Delete a saved photo avatar."""
    from onetake.avatar.photo.store import delete_saved

    if not delete_saved(avatar_id):
        raise InvalidInput("avatar", f"no saved avatar '{avatar_id}'")
    click.echo(f"deleted {avatar_id}")


@main.command("voices")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def voices(as_json):
    """List the voices."""
    from onetake.voice.catalogue import list_voices

    rows = [v.model_dump() for v in list_voices()]
    _print_table(rows, ["id", "name", "language", "gender", "engine", "words_per_second"], as_json)


@main.command("styles")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--tag", default=None, help="Only styles with this tag (cinematic, retro-tech, print, luxury...).")
@click.option("--previews", is_flag=True, help="Also render each style's preview video (about 3 s per style, once).")
def styles(as_json, tag, previews):
    """List the visual styles, each with a thumbnail (and preview video) rendered by onetake."""
    from onetake.render.style_previews import style_media
    from onetake.visuals.styles import list_styles

    rows = []
    for s in list_styles(tag):
        media = style_media(s.id, thumbnail=True, preview=previews)
        rows.append(s.model_dump(include={"id", "name", "description", "tags", "music_mood"})
                    | {"thumbnail": str(media.thumbnail or ""), "preview_video": str(media.preview_video or "")})
    _print_table(rows, ["id", "name", "tags", "description", "thumbnail"] + (["preview_video"] if previews else []), as_json)


@main.group("memory")
def memory_group():
    """What onetake remembers about your brands (address, call to action, colours, tone, presenter, voice, brand kit)."""


@memory_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def memory_list(as_json):
    """The remembered facts, by brand."""
    from onetake.service import local_memory

    rows = [f | {"value": f["value"] if isinstance(f["value"], str) else ", ".join(f["value"])} for f in local_memory.facts()]
    _print_table(rows, ["id", "brand", "kind", "value", "source_session_id"], as_json)


@memory_group.command("forget")
@click.argument("fact_id", required=False)
@click.option("--brand", default=None, help="Forget this brand's facts.")
@click.option("--all", "everything", is_flag=True, help="Forget everything.")
def memory_forget(fact_id, brand, everything):
    """Forget one fact (by its id), one brand, or --all."""
    from onetake.service import local_memory

    if not (fact_id or brand or everything):
        raise InvalidInput("FACT_ID", "name a fact id, --brand NAME or --all")
    count = local_memory.forget(fact_id, brand)
    if fact_id and not count:
        raise InvalidInput("FACT_ID", f"no remembered fact '{fact_id}'")
    click.echo(f"forgot {count} fact{'s' if count != 1 else ''}")


@main.group("brand-kits")
def brand_kits():
    """Brand kits: colours, fonts and a logo applied to every scene (`make --brand-kit ID`)."""


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    out = {}
    for value in values:
        role, sep, rest = value.partition("=")
        if not sep or not rest:
            raise InvalidInput(option, f"expects ROLE=VALUE, not '{value}'")
        out[role.strip()] = rest.strip()
    return out


@brand_kits.command("create")
@click.argument("name")
@click.option("--color", "colors", multiple=True, help="ROLE=#RRGGBB; roles: primary, accent, background, surface, text, muted.")
@click.option("--font", "fonts", multiple=True, help="ROLE=FILE (TTF, OTF, WOFF or WOFF2); roles: display, body.")
@click.option("--logo", type=click.Path(path_type=Path), default=None, help="A PNG, JPEG or WebP logo.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def brand_kits_create(name, colors, fonts, logo, as_json):
    """Create a brand kit and print its id."""
    from onetake.visuals.brand_kits import create_brand_kit

    kit = create_brand_kit(name, _pairs(colors, "color"), {k: Path(v) for k, v in _pairs(fonts, "font").items()}, logo)
    click.echo(kit.model_dump_json(indent=2) if as_json else kit.id)


@brand_kits.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def brand_kits_list(as_json):
    """List the brand kits."""
    from onetake.visuals.brand_kits import list_brand_kits

    rows = [k.model_dump() | {"colors": [f"{r}={c}" for r, c in k.colors.items()], "fonts": [f"{r}={f}" for r, f in k.fonts.items()],
                               "logo": k.logo or ""} for k in list_brand_kits()]
    _print_table(rows, ["id", "name", "colors", "fonts", "logo"], as_json)


@brand_kits.command("delete")
@click.argument("kit_id")
def brand_kits_delete(kit_id):
    """Delete a brand kit."""
    from onetake.visuals.brand_kits import delete_brand_kit

    delete_brand_kit(kit_id)
    click.echo(f"deleted {kit_id}")


@main.command("serve")
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Database and files (default: ONETAKE_DATA_DIR or the user data dir).")
@click.option("--database-url", default=None, help="SQLAlchemy URL, e.g. postgresql://... (default: SQLite under the data dir).")
@click.option("--no-auth", is_flag=True, default=None, help="Single local user without API keys (loopback only).")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Host, host:port or CIDR that file and callback URLs may reach although private.")
@click.option("--concurrency", "concurrency_per_key", type=click.IntRange(1, 1000), default=None, help="Videos in progress at once per API key (default 4).")
@click.option("--jobs", "jobs", type=JobsChoice(), default=None,
              help="Who renders: a number of videos at once on this server (default 1), or 'celery' for `onetake worker` processes behind --broker.")
@click.option("--broker", "broker_url", default=None, help="Celery broker with --jobs celery, e.g. redis://127.0.0.1:6379/0 (or ONETAKE_BROKER_URL).")
@click.option("--url-ttl", "url_ttl_s", type=click.IntRange(60, 7 * 24 * 3600), default=None, help="Signed file URLs expire after this many seconds (default 3600).")
@click.option("--workers", "render_workers", type=click.IntRange(1, 64), default=None, help="Render processes per video (default: one per core).")
@click.option("--storage", default=None, callback=lambda _ctx, _param, value: _storage_location(value),
              help="Where inputs, outputs and brand kits are kept: 'local' (the data dir, default) or s3://bucket/prefix (keys from AWS_* settings).")
@click.option("--s3-endpoint-url", default=None, help="An S3-compatible endpoint, e.g. http://127.0.0.1:9000 (default: AWS_ENDPOINT_URL or AWS itself).")
@click.option("--s3-region", default=None, help="The bucket's region (default: AWS_REGION / AWS_DEFAULT_REGION, else us-east-1).")
def serve_command(allow_hosts, jobs, **options):
    """Serve the HeyGen v3 / Runflow / Runware APIs (OpenAPI docs at /docs)."""
    from pydantic import ValidationError

    from onetake.service.config import load_config
    from onetake.service.server import serve

    if jobs is not None:
        options["job_backend"], options["job_slots"] = (jobs, None) if jobs in ("celery", "local") else ("local", jobs)
    try:
        config = load_config(**options, allow_hosts=list(allow_hosts) or None)
    except ValidationError as exc:
        raise click.UsageError(_setting_errors(exc)) from None
    if config.no_auth and config.host not in ("127.0.0.1", "localhost", "::1"):
        raise click.UsageError(f"--no-auth is for a single local user; it is refused while listening on {config.host}")
    click.echo(f"onetake serving on {config.base_url()} (data in {config.data_dir})", err=True)
    serve(config)


def _storage_location(value: str | None) -> str | None:
    from onetake.service.s3_url import parse_s3_url

    if value not in (None, "local"):
        try:
            parse_s3_url(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--storage") from None
    return value


@main.command("studio")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Database and files (default: ONETAKE_DATA_DIR or the user data dir).")
@click.option("--no-browser", is_flag=True, help="Do not open a browser; just print the address.")
def studio_command(port, data_dir, no_browser):
    """Open the studio (the web page to make, review and revise videos) on this machine, single user, no API key."""
    from onetake.service.config import load_config
    from onetake.service.server import serve

    # Loopback only, always: no-auth mode is refused anywhere else.
    config = load_config(host="127.0.0.1", port=port, data_dir=data_dir, no_auth=True)
    url = config.base_url() + "/"
    click.echo(f"onetake studio at {url} (data in {config.data_dir})", err=True)
    if not no_browser:
        _open_when_up(url)
    serve(config)


def _open_when_up(url: str) -> None:
    """Open the page in the user's browser once the server answers (a thread polling for at most a minute)."""
    import threading
    import time
    import urllib.request
    import webbrowser

    def wait_then_open():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "openapi.json", timeout=2).close()
                webbrowser.open(url)
                return
            except OSError:
                time.sleep(0.3)

    threading.Thread(target=wait_then_open, daemon=True).start()


def _setting_errors(exc) -> str:
    """A settings error as one line naming each field (pydantic's own text is several lines and a link)."""
    return "; ".join(e["msg"].removeprefix("Value error, ") if not e["loc"] else f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())


@main.command("worker")
@click.option("--broker", "broker_url", default=None, help="The Celery broker `onetake serve --jobs celery` sends to, e.g. redis://10.0.0.5:6379/0.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=None, help="Tasks run at once by this worker (default: one per core).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="The server's data directory (shared storage).")
@click.option("--database-url", default=None, help="The server's database, e.g. postgresql://... (default: SQLite under the data dir).")
@click.option("--name", default=None, help="This worker's node name (default onetake-<pid>@<host>).")
def worker_command(broker_url, concurrency, data_dir, database_url, name):
    """Render videos queued by `onetake serve --jobs celery`: run on any machine that reaches the broker, the database and the storage."""
    from pydantic import ValidationError

    from onetake.service.distributed.worker import run_worker

    try:
        run_worker(broker_url, concurrency, data_dir, database_url, name)
    except ValidationError as exc:
        raise click.UsageError(_setting_errors(exc)) from None


@main.command("mcp")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Database and files (default: ONETAKE_DATA_DIR or the user data dir).")
@click.option("--database-url", default=None, help="SQLAlchemy URL (default: SQLite under the data dir).")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Host, host:port or CIDR that file URLs may reach although private.")
@click.option("--workers", "render_workers", type=click.IntRange(1, 64), default=None, help="Render processes per video (default: one per core).")
def mcp_command(allow_hosts, **options):
    """Serve the video agent's MCP tools over stdio, for an agent on this machine (the same tools are at /mcp on `onetake serve`)."""
    from onetake.service.config import load_config
    from onetake.service.mcp.stdio import run_stdio
    from onetake.service.owner import DataDirInUse

    try:
        run_stdio(load_config(**options, allow_hosts=list(allow_hosts) or None))
    except DataDirInUse as exc:
        raise click.ClickException(str(exc)) from None


@main.group("keys")
def keys_group():
    """Create, list and revoke API keys of `onetake serve`."""


def _key_db(data_dir, database_url):
    from onetake.service.config import load_config
    from onetake.service.db import Database

    return Database(load_config(data_dir=data_dir, database_url=database_url).resolved_database_url())


_KEY_DB_OPTIONS = [click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None), click.option("--database-url", default=None)]


def _key_db_options(command):
    for option in reversed(_KEY_DB_OPTIONS):
        command = option(command)
    return command


@keys_group.command("create")
@click.option("--name", default="", help="A label for the key.")
@_key_db_options
def keys_create(name, data_dir, database_url):
    """Create a key; it is printed once (only its hash is stored)."""
    from onetake.service.keys import create_key

    row, plaintext = create_key(_key_db(data_dir, database_url), name)
    click.echo(json.dumps({"id": row.id, "name": row.name, "api_key": plaintext, "webhook_secret": row.webhook_secret}, indent=2))


@keys_group.command("list")
@_key_db_options
def keys_list(data_dir, database_url):
    """List keys (ids and prefixes, never the keys)."""
    from onetake.service.keys import list_keys

    rows = [{"id": k.id, "name": k.name, "prefix": k.prefix, "created_at": k.created_at, "revoked": k.revoked_at is not None} for k in list_keys(_key_db(data_dir, database_url))]
    click.echo(json.dumps(rows, indent=2))


@keys_group.command("revoke")
@click.argument("key_id")
@_key_db_options
def keys_revoke(key_id, data_dir, database_url):
    """Revoke a key by its id."""
    from onetake.service.keys import revoke_key

    if not revoke_key(_key_db(data_dir, database_url), key_id):
        raise click.ClickException(f"no active key '{key_id}'")
    click.echo(f"revoked {key_id}")


def run(argv: list[str] | None = None) -> None:
    """Entry point: every user error is one line on stderr and a non-zero exit, never a traceback."""
    try:
        main.main(args=argv, prog_name="onetake", standalone_mode=False)
    except InvalidInput as exc:
        option = _OPTION_NAMES.get(exc.field, f"--{exc.field}")
        click.echo(f"error: {option} {exc.message}", err=True)
        sys.exit(2)
    except OnetakeError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    run()
