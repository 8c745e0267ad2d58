"""Build the icon embedding index now (scripts/setup.sh runs this once): `python -m onetake.visuals.icons.build_index`."""

import time

from onetake.visuals.icons.index import embeddings, index_path

if __name__ == "__main__":
    start = time.perf_counter()
    table = embeddings()
    print(f"icon index: {table.shape[0]} icons in {index_path()} ({time.perf_counter() - start:.1f} s)")
