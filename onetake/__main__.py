from onetake.cli import run

run()
