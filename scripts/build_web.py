#!/usr/bin/env python3
"""Build nianbao's WebAssembly packages as wasm-pack.toml says (run it as scripts/build-web.sh).

    scripts/build-web.sh                 every target in wasm-pack.toml
    scripts/build-web.sh --target web    only the listed target(s) (repeatable)
    scripts/build-web.sh --no-opt        skip wasm-opt (faster; the size check still runs)
    scripts/build-web.sh --extension-only  only assemble and zip the browser extension from the www/pkg there

Steps: cargo build --lib (wasm32) -> wasm-bindgen per target -> wasm-opt per target -> gzip size check
-> the browser extension ([extension]: assembled from www/extension, the wrapper, the package and the page; zipped).
Exits non-zero when a step fails or a gzipped .wasm is over the budget. Tools come from scripts/setup.sh.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "wasm-pack.toml"


def log(msg: str) -> None:
    print(f"build-web: {msg}", flush=True)


def fail(msg: str) -> NoReturn:
    print(f"build-web: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+ " + " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, cwd=ROOT, **kw)
    except FileNotFoundError:
        fail(f"{cmd[0]} not found: run scripts/setup.sh")
    if proc.returncode != 0:
        fail(f"{Path(cmd[0]).name} exited with {proc.returncode}")
    return proc


def lock_version(package: str) -> str | None:
    lock = tomllib.loads((ROOT / "Cargo.lock").read_text(encoding="utf-8"))
    versions = [p["version"] for p in lock.get("package", []) if p["name"] == package]
    return versions[0] if versions else None


def inside_repo(rel: str) -> Path:
    """An output folder from the recipe, refused unless it lies strictly inside the repo and outside src/."""
    path = (ROOT / rel).resolve()
    if path == ROOT or ROOT not in path.parents:
        fail(f"output folder {rel!r} must be inside the repository")
    for keep in ("src", "tests", ".git", "www"):
        if path == ROOT / keep or (keep != "www" and ROOT / keep in path.parents):
            fail(f"output folder {rel!r} would overwrite {keep}/")
    return path


def human(n: int) -> str:
    return f"{n:,} B ({n / 1024:.1f} KiB)"


def build_extension(cfg: dict) -> None:
    """Assemble the unpacked MV3 extension ([extension] in the recipe) and zip it for the store."""
    source = ROOT / cfg["source"]
    page_root = ROOT / cfg.get("page_root", "www")
    out_dir = inside_repo(cfg["out_dir"])
    excluded = cfg.get("exclude", [])

    def skip(rel: str) -> bool:
        name = rel.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) for pat in excluded)

    if not (source / "manifest.json").is_file():
        fail(f"{cfg['source']}/manifest.json not found")
    wasm_pkg = page_root / "pkg" / "nianbao_bg.wasm"
    if not wasm_pkg.is_file():
        fail(f"{wasm_pkg.relative_to(ROOT)} not built: run scripts/build-web.sh --target web first")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    files: dict[str, Path] = {}
    for pattern in cfg.get("page_files", []):
        matched = sorted(p for p in page_root.glob(pattern) if p.is_file())
        if not matched:
            fail(f"[extension] page_files pattern {pattern!r} matches nothing under {page_root.relative_to(ROOT)}/")
        for f in matched:
            files[f.relative_to(page_root).as_posix()] = f
    for f in sorted(source.rglob("*")):
        if f.is_file():
            rel = f.relative_to(source).as_posix()
            if rel in files:
                fail(f"{cfg['source']}/{rel} would overwrite the page's {rel}: rename one of them")
            files[rel] = f
    for rel, f in sorted(files.items()):
        if skip(rel):
            continue
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    crate = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))["package"]
    if manifest.get("version") != crate["version"]:
        fail(f"manifest.json version {manifest.get('version')} differs from Cargo.toml's {crate['version']}")
    log(f"extension assembled in {out_dir.relative_to(ROOT)} ({len(list(out_dir.rglob('*')))} entries)")

    if "zip" in cfg:
        zip_path = inside_repo(cfg["zip"])
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = zip_path.with_suffix(".zip.tmp")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for f in sorted(out_dir.rglob("*")):
                if f.is_file():
                    rel = f.relative_to(out_dir).as_posix()
                    # Fixed timestamps: the same inputs give the same zip.
                    info = zipfile.ZipInfo(rel, date_time=(2020, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    z.writestr(info, f.read_bytes())
        tmp.replace(zip_path)
        log(f"extension zipped: {zip_path.relative_to(ROOT)}, {human(zip_path.stat().st_size)}")


def main() -> int:
    ap = argparse.ArgumentParser(prog="scripts/build-web.sh", description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", action="append", help="build only this wasm-bindgen target (repeatable)")
    ap.add_argument("--no-opt", action="store_true", help="skip wasm-opt even if the recipe enables it")
    ap.add_argument("--extension-only", action="store_true",
                    help="only assemble and zip the browser extension ([extension]) from the www/pkg already built")
    args = ap.parse_args()

    recipe = tomllib.loads(RECIPE.read_text(encoding="utf-8"))
    if args.extension_only:
        if "extension" not in recipe:
            fail("wasm-pack.toml has no [extension] section")
        build_extension(recipe["extension"])
        return 0
    cargo_cfg = recipe["cargo"]
    bindgen_cfg = recipe.get("wasm-bindgen", {})
    targets: dict[str, dict] = {
        name: ({"out_dir": spec} if isinstance(spec, str) else dict(spec)) for name, spec in recipe["targets"].items()
    }
    for name, spec in targets.items():
        if "out_dir" not in spec:
            fail(f"[targets.{name}] in wasm-pack.toml has no out_dir")
        # The crate features the target is built with (its own, else [cargo]'s), in a canonical order.
        spec["features"] = tuple(sorted(spec.get("features", recipe["cargo"].get("features", []))))
    opt_cfg = recipe.get("wasm-opt", {"enabled": False})
    budget = recipe["budget"]
    if args.target:
        unknown = [t for t in args.target if t not in targets]
        if unknown:
            fail(f"target(s) {', '.join(unknown)} not in [targets] of wasm-pack.toml ({', '.join(targets)})")
        targets = {t: d for t, d in targets.items() if t in args.target}

    cargo_home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    os.environ["PATH"] = os.pathsep.join([str(cargo_home / "bin"), os.environ.get("PATH", "")])

    # 0. the wasm-bindgen CLI must be exactly the library's version
    want = lock_version("wasm-bindgen")
    try:
        have = subprocess.run(["wasm-bindgen", "--version"], capture_output=True, text=True).stdout.split()
    except FileNotFoundError:
        have = []
    if want is None:
        fail("Cargo.lock has no wasm-bindgen package")
    if have[1:2] != [want]:
        fail(f"wasm-bindgen CLI {' '.join(have[1:2]) or 'missing'}, Cargo.lock wants {want}: run scripts/setup.sh")

    started = time.monotonic()
    triple = cargo_cfg.get("target", "wasm32-unknown-unknown")
    profile = cargo_cfg.get("profile", "release")
    meta = json.loads(
        run(["cargo", "metadata", "--no-deps", "--format-version", "1"], capture_output=True, text=True).stdout
    )
    target_dir = Path(meta["target_directory"])
    crate = next(p for p in meta["packages"] if p["manifest_path"] == str(ROOT / "Cargo.toml"))
    lib_name = next(t["name"] for t in crate["targets"] if "cdylib" in t["kind"]).replace("-", "_")
    profile_dir = "debug" if profile == "dev" else profile
    built_wasm = target_dir / triple / profile_dir / f"{lib_name}.wasm"
    staging = target_dir / "nianbao-web"
    staging.mkdir(parents=True, exist_ok=True)

    # 1. cargo build, once per distinct feature set; each result is copied aside before the next build
    raw_by_features: dict[tuple[str, ...], Path] = {}
    for spec in targets.values():
        feats = spec["features"]
        if feats in raw_by_features:
            continue
        cmd = ["cargo", "build", "--lib", "--target", triple, "--profile", profile]
        if cargo_cfg.get("no_default_features", False):
            cmd.append("--no-default-features")
        if feats:
            cmd += ["--features", ",".join(feats)]
        run(cmd)
        if not built_wasm.is_file():
            fail(f"cargo produced no {built_wasm}")
        kept = staging / f"{lib_name}-{'-'.join(feats) or 'nofeatures'}.wasm"
        shutil.copyfile(built_wasm, kept)
        raw_by_features[feats] = kept

    out_name = bindgen_cfg.get("out_name", lib_name)
    opt_on = bool(opt_cfg.get("enabled")) and not args.no_opt
    max_gz = int(budget["max_gzip_bytes"])
    level = int(budget.get("gzip_level", 9))
    sizes: dict[str, dict] = {}
    over: list[str] = []

    for name, spec in targets.items():
        out_dir = inside_repo(spec["out_dir"])
        feats = spec["features"]
        raw_wasm = raw_by_features[feats]
        target_max = int(spec.get("max_gzip_bytes", max_gz))
        # 2. wasm-bindgen into an emptied folder, so no stale file from an older build survives
        if out_dir.exists():
            shutil.rmtree(out_dir)
        target_out_name = spec.get("out_name", out_name)
        cmd = ["wasm-bindgen", "--target", spec.get("bindgen_target", name), "--out-dir", str(out_dir),
               "--out-name", target_out_name]
        if not bindgen_cfg.get("typescript", True):
            cmd.append("--no-typescript")
        cmd.append(str(raw_wasm))
        run(cmd)
        wasm = out_dir / f"{target_out_name}_bg.wasm"
        before_opt = wasm.stat().st_size

        # 3. wasm-opt in place
        if opt_on:
            tool = opt_cfg.get("command", "wasm-opt")
            if "/" in tool:
                tool = str(ROOT / tool)
            tmp = wasm.with_suffix(".opt.wasm")
            run([tool, *opt_cfg.get("flags", []), str(wasm), "-o", str(tmp)])
            tmp.replace(wasm)

        # 4. size check
        data = wasm.read_bytes()
        gz = len(gzip.compress(data, compresslevel=level, mtime=0))
        sizes[name] = {
            "file": str(wasm.relative_to(ROOT)),
            "features": list(feats),
            "max_gzip_bytes": target_max,
            "bindgen_bytes": before_opt,
            "raw_bytes": len(data),
            "gzip_bytes": gz,
        }
        verdict = "ok" if gz <= target_max else "OVER BUDGET"
        log(f"{name:8} {wasm.relative_to(ROOT)}: raw {human(len(data))}, gzip {human(gz)} "
            f"[budget {human(target_max)}: {verdict}]")
        if gz > target_max:
            over.append(f"{name} ({human(gz)} > {human(target_max)})")

    report = {
        "crate_version": crate["version"],
        "wasm_bindgen": want,
        "profile": profile,
        "wasm_opt": opt_cfg.get("flags", []) if opt_on else None,
        "gzip_level": level,
        "max_gzip_bytes": max_gz,
        "targets": sizes,
    }
    report_path = ROOT / budget.get("report", "www/pkg/size.json")
    if report_path.parent.exists():
        report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        log(f"sizes written to {report_path.relative_to(ROOT)}")
    else:
        log(f"sizes not written: {report_path.parent.relative_to(ROOT)} was not built this time")

    if over:
        fail(f"gzipped .wasm over its budget in wasm-pack.toml for: {', '.join(over)}. "
             "Shrink the build (dependencies, features, opt-level) or, with a reason, raise max_gzip_bytes.")
    # 5. the browser extension, from the freshly built web packages
    if "extension" in recipe and "web" in targets:
        build_extension(recipe["extension"])
    built = ", ".join(f"{t} -> {d['out_dir']}" for t, d in targets.items())
    log(f"done in {time.monotonic() - started:.0f} s: {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
