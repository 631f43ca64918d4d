"""Team OKRs as a tree: objectives, their key results, and what each rolls up to.

A row of the ``OKR`` sheet is an objective (key_result blank) or a key result of the
objective it names. ``parent`` names the objective or key result a row rolls up to (a team
objective under a department key result, seed 002 figure 19); a key result without a parent
rolls up to its objective. Completion of a node with a target and an actual is
actual ÷ target; otherwise it is the weighted mean of its children's completions, each
capped at :data:`CAP` (as the goal score caps goals), weighted equally unless a weight is
given. A parent that is not on the sheet, or rows rolling up to each other in a circle, are
findings: the row is shown at the top of the tree instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .checks import Findings
from .labels import label
from .numbers import finite_number

OKR_COLUMNS: tuple[str, ...] = (
    "level", "kind", "item", "owner", "parent", "target", "actual", "weight", "completion",
)
CAP = 1.0
"""Default: a child counts at most 100 % towards its parent's completion (as goals)."""
INDENT = "    "
"""Prefix of each level's item text (the tree shown by indentation)."""


@dataclass
class _Node:
    name: str
    kind: str  # objective | key_result
    row: int | None
    owner: object = None
    parent: str | None = None
    target: float = math.nan
    actual: float = math.nan
    weight: float = math.nan
    children: list[int] = field(default_factory=list)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _nodes(okr: pd.DataFrame, say: _Say) -> list[_Node]:
    """One node per row (objectives named only by their key results added once)."""
    nodes: list[_Node] = []
    objectives: dict[str, int] = {}
    for rec in okr.to_dict("records"):
        objective, result = _text(rec.get("objective")), _text(rec.get("key_result"))
        if objective is None:
            continue
        row = rec.get("_row")
        row = int(row) if isinstance(row, int | float) and not pd.isna(row) else None
        if result is None:
            if objective in objectives and nodes[objectives[objective]].row is None:
                node = nodes[objectives[objective]]  # named by a key result first: fill it
                node.row = row
            else:
                node = _Node(objective, "objective", row)
                if objective in objectives:
                    say("okr_duplicate", row, "objective", item=objective)
                else:
                    objectives[objective] = len(nodes)
                nodes.append(node)
            node.parent = _text(rec.get("parent"))
        else:
            if objective not in objectives:
                objectives[objective] = len(nodes)
                nodes.append(_Node(objective, "objective", None))
            node = _Node(result, "key_result", row,
                         parent=_text(rec.get("parent")) or objective)
            nodes.append(node)
        node.owner = _text(rec.get("owner"))
        node.target = finite_number(rec.get("target"))
        node.actual = finite_number(rec.get("actual"))
        node.weight = finite_number(rec.get("weight"))
        if node.weight < 0:
            say("okr_negative_weight", row, "weight", item=node.name)
            node.weight = math.nan
    return nodes


class _Say:
    """Findings of one sheet, worded in the workbook's language."""

    def __init__(self, findings: Findings, sheet: str, lang: str) -> None:
        self.findings, self.sheet, self.lang = findings, sheet, lang

    def __call__(self, key: str, row: int | None, column: str | None, **params: object) -> None:
        self.findings.add("warning", self.sheet, row, column,
                          label(f"msg.{key}", self.lang, **params))


def _link(nodes: list[_Node], say: _Say) -> list[int | None]:
    """Each node's parent index: names resolved to their first node, circles broken."""
    first: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.name in first and node.kind == "key_result":
            say("okr_duplicate", node.row, "key_result", item=node.name)
        first.setdefault(node.name, i)
    parent: list[int | None] = []
    for node in nodes:
        p = None if node.parent is None else first.get(node.parent)
        if node.parent is not None and p is None:
            say("okr_parent_missing", node.row, "parent", item=node.name, parent=node.parent)
        parent.append(p)
    for i in range(len(nodes)):
        seen: list[int] = []
        j: int | None = i
        while j is not None and j not in seen:
            seen.append(j)
            j = parent[j]
        if j is not None:  # a circle: cut it at its first row
            circle = seen[seen.index(j):]
            cut = min(circle)
            say("okr_cycle", nodes[cut].row, "parent",
                items=" → ".join(nodes[k].name for k in circle), item=nodes[cut].name)
            parent[cut] = None
    return parent


def _completion(i: int, nodes: list[_Node], say: _Say, done: dict[int, float],
                cap: float) -> float:
    """Node ``i``'s completion (children first; each node computed once into ``done``)."""
    if i not in done:
        done[i] = _own_completion(i, nodes, say, done, cap)
    return done[i]


def _own_completion(i: int, nodes: list[_Node], say: _Say, done: dict[int, float],
                    cap: float) -> float:
    node = nodes[i]
    if not math.isnan(node.target) and not math.isnan(node.actual):
        if node.target == 0:
            say("okr_target_zero", node.row, "target", item=node.name)
            return math.nan
        return node.actual / node.target
    rated = [(min(c, cap), nodes[k].weight) for k in node.children
             if not math.isnan(c := _completion(k, nodes, say, done, cap))]
    weights = [1.0 if math.isnan(w) else w for _, w in rated]
    if not rated or sum(weights) <= 0:
        return math.nan
    return sum(c * w for (c, _), w in zip(rated, weights, strict=True)) / sum(weights)


def okr_tree(okr: pd.DataFrame, findings: Findings | None = None, *, sheet: str = "OKR",
             lang: str = "en", cap: float = CAP) -> pd.DataFrame:
    """The ``okr_tree`` table: every objective and key result in tree order.

    Args:
        okr: the OKR sheet (objective, key_result, owner, parent, target, actual, weight,
            and ``_row`` for messages).
        findings: where missing parents, circles, duplicates and zero targets are reported.
        sheet: the sheet's name in messages.
        lang: language of the messages.
        cap: the most a child counts towards its parent (Settings ``goal_cap``).

    Returns:
        level (0 = top), kind (``objective`` / ``key_result``), item (indented by level),
        owner, parent, target, actual, weight, completion (NaN when nothing is known).
    """
    say = _Say(findings if findings is not None else Findings(), sheet, lang)
    nodes = _nodes(okr, say) if len(okr) and "objective" in okr else []
    parent = _link(nodes, say)
    for i, p in enumerate(parent):
        if p is not None:
            nodes[p].children.append(i)
    rows: list[tuple[object, ...]] = []
    done: dict[int, float] = {}

    def visit(i: int, level: int) -> None:
        node = nodes[i]
        up = None if parent[i] is None else nodes[parent[i]].name
        rows.append((level, node.kind, INDENT * level + node.name, node.owner, up, node.target,
                     node.actual, node.weight, _completion(i, nodes, say, done, cap)))
        for k in node.children:
            visit(k, level + 1)

    for i in range(len(nodes)):
        if parent[i] is None:
            visit(i, 0)
    table = pd.DataFrame(rows, columns=list(OKR_COLUMNS))
    return table.astype({"level": int, "target": float, "actual": float, "weight": float,
                         "completion": float})


__all__ = ["CAP", "INDENT", "OKR_COLUMNS", "okr_tree"]
