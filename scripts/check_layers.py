"""Checks that the crate's dependencies run one way (see docs/ARCHITECTURE.md).

Layers, lowest first: units and chart (leaf types and pure geometry) -> engine ->
scenario -> i18n -> ui. A module may name its own layer and lower ones, never a higher
one; and no two modules of the same level import each other, directly or in a longer
cycle (checked for the top level and for the modules inside each layer, such as
engine::model and engine::measure). Items a folder module defines in its own mod.rs
(such as `scenario::Scenario`) belong to that folder, not to a sibling.

Reads every `use` tree and every inline `crate::`/`super::` path of src/**/*.rs, prints
the module graph, and exits 1 on a violation. Run: python3 scripts/check_layers.py
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
RANK = {"units": 0, "chart": 0, "qr": 0, "html": 0, "engine": 1, "scenario": 2, "i18n": 3, "worker": 3, "ui": 4}


def module_path(path):
    """src/engine/model/flows.rs -> ['engine', 'model', 'flows']; mod.rs is its folder."""
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    return [] if rel in (["lib"], ["main"]) else rel


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def use_paths(tree, prefix=()):
    """Flattens a use tree (`a::{b::{self, C}, d}`) into paths (lists of segments)."""
    tree = tree.strip()
    depth, start, parts = 0, 0, []
    for i, ch in enumerate(tree):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(tree[start:i])
            start = i + 1
    parts.append(tree[start:])
    out = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if "{" in part:
            head, _, rest = part.partition("{")
            head = [s for s in head.split("::") if s]
            out.extend(use_paths(rest[: rest.rfind("}")], prefix + tuple(head)))
        else:
            segs = [s for s in part.split(" as ")[0].split("::") if s]
            out.append(list(prefix) + segs)
    return out


def resolve(here, segs):
    """An absolute module path for `segs` as written in the module `here`."""
    if not segs:
        return None
    if segs[0] == "crate":
        return segs[1:]
    if segs[0] in ("super", "self"):
        base = list(here)
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                base = base[:-1]
            segs = segs[1:]
        return base + segs
    return None  # an external crate or a local name


def references(path):
    here = module_path(path)
    text = strip_comments(open(path, encoding="utf-8").read())
    found = []
    for tree in re.findall(r"\buse\s+([^;]+);", text):
        found.extend(use_paths(tree))
    for inline in re.findall(r"\b(?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+", text):
        found.append(inline.split("::"))
    targets = []
    for segs in found:
        target = resolve(here, segs)
        if target and target[0] in RANK:
            targets.append(target)
    return here, targets


def cycles(edges):
    """Every cycle of a directed graph given as {node: set(nodes)}, each found once."""
    found, seen = [], set()

    def walk(node, stack):
        for nxt in sorted(edges.get(node, ())):
            if nxt in stack:
                cycle = stack[stack.index(nxt):]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle + [nxt])
            elif len(stack) < 12:
                walk(nxt, stack + [nxt])

    for node in sorted(edges):
        walk(node, [node])
    return found


def modules():
    """Every module that is a file or a folder under src/, as a tuple of segments."""
    found = set()
    for folder, _, files in os.walk(ROOT):
        for name in files:
            if name.endswith(".rs"):
                found.add(tuple(module_path(os.path.join(folder, name))))
    return found


def main():
    problems = []
    known = modules()
    top, inner = {}, {}
    for folder, _, files in os.walk(ROOT):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(folder, name)
            here, targets = references(path)
            if not here:
                continue
            layer = here[0]
            for target in targets:
                if RANK[target[0]] > RANK[layer]:
                    problems.append(
                        f"{os.path.relpath(path, ROOT)}: {'::'.join(here)} (layer {layer}) "
                        f"names crate::{'::'.join(target)}, a higher layer"
                    )
                if target[0] != layer:
                    top.setdefault(layer, set()).add(target[0])
                elif (
                    len(here) > 1
                    and len(target) > 1
                    and target[1] != here[1]
                    and tuple(target[:2]) in known
                ):
                    a, b = f"{layer}::{here[1]}", f"{layer}::{target[1]}"
                    inner.setdefault(a, set()).add(b)
    print("Layers (lowest first): units, chart, qr -> engine -> scenario -> i18n -> ui")
    for layer in sorted(top, key=lambda l: RANK[l]):
        print(f"  {layer} -> {', '.join(sorted(top[layer], key=lambda l: RANK[l]))}")
    print("Inside the layers:")
    for module in sorted(inner):
        print(f"  {module} -> {', '.join(sorted(inner[module]))}")
    for cycle in cycles(top) + cycles(inner):
        problems.append("import cycle: " + " -> ".join(cycle))
    if problems:
        print("\n".join(["", "Layering problems:"] + problems), file=sys.stderr)
        sys.exit(1)
    print("OK: no upward import and no import cycle.")


if __name__ == "__main__":
    main()
