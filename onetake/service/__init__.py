"""`onetake serve`: the HeyGen Video Agent v3, Runflow and Runware shapes over one Brief.

Layering inside the package (imports run downwards):
routes -> app wiring -> jobs, webhooks -> repositories, storage, fetch, sniff -> models, db -> config, errors.
The service sits above `onetake.pipeline`; nothing below imports it.
"""
