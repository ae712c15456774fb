"""Packs dist/ into a zip a prefecture can deploy, with a SHA-256 checksum file.

The zip is reproducible: the same dist/ gives the same bytes (entries sorted, fixed timestamps and
permissions), so anyone can rebuild a release from its commit and compare checksums.
"""

import hashlib
import sys
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FOLDER = "cyber-survey"


def pack(dist: Path, out_dir: Path, name: str) -> Path:
    files = sorted(p for p in dist.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not any(p.name == "index.html" for p in files):
        sys.exit(f"{dist} に index.html がありません。先に trunk build --release を実行してください。")
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{name}.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(dist).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out_dir / f"{name}.zip.sha256").write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: package_release.py <dist> <out dir> <release name>")
    print(pack(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
