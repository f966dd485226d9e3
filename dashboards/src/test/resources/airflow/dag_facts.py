"""Facts about Airflow DAG files, read with ``ast`` (Airflow is not installed where the tests run).

Usage: python3 dag_facts.py DAG.py [DAG.py ...]  ->  JSON on stdout:
  {"files": [{"file": ..., "dags": [{"line": n, "kwargs": {...}}], "operators": [{"type": ..., "line": n,
   "kwargs": {...}}], "strings": [...]}]}

Keyword values are evaluated where that is possible without running the file: literals, module constants (also
those imported from a sibling module with ``from x import y``), string and list concatenation, f-strings; a call
is {"call": "<function>", "args": [...], "kwargs": {...}} (``timedelta(hours=5)``). Anything else is
{"expr": "<source>"}. "strings" holds every string the file (and the constants
it imports) contains, after concatenation, so job files, class names and options inside shell commands built by
helper functions are visible too.
"""
import ast
import json
import os
import sys


class Unknown:
    def __init__(self, node):
        self.source = ast.unparse(node)


def evaluate(node, env):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return env.get(node.id, Unknown(node))
    if isinstance(node, (ast.List, ast.Tuple)):
        return [evaluate(e, env) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {evaluate(k, env) if k is not None else "**": evaluate(v, env) for k, v in zip(node.keys, node.values)}
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            inner = evaluate(v.value, env) if isinstance(v, ast.FormattedValue) else v.value
            parts.append(inner if isinstance(inner, str) else "{" + ast.unparse(v) + "}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = evaluate(node.left, env), evaluate(node.right, env)
        if isinstance(left, str) and isinstance(right, str) or isinstance(left, list) and isinstance(right, list):
            return left + right
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        left, right = evaluate(node.left, env), evaluate(node.right, env)
        if isinstance(left, (int, float)) and isinstance(right, (int, float)):
            return left * right
    if isinstance(node, ast.Call):
        return {"call": ast.unparse(node.func), "args": [evaluate(a, env) for a in node.args],
                "kwargs": {k.arg: evaluate(k.value, env) for k in node.keywords if k.arg}}
    return Unknown(node)


def call_name(call):
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def module_env(path, seen):
    """Constants assigned at module level, with names imported from sibling modules resolved first."""
    tree = ast.parse(open(path, encoding="utf-8").read(), filename=path)
    env, strings = {}, []
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module and stmt.level == 0:
            sibling = os.path.join(os.path.dirname(path), stmt.module + ".py")
            if os.path.isfile(sibling) and sibling not in seen:
                seen.add(sibling)
                other_env, other_strings, _ = module_env(sibling, seen)
                strings.extend(other_strings)
                for alias in stmt.names:
                    if alias.name in other_env:
                        env[alias.asname or alias.name] = other_env[alias.name]
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            env[stmt.targets[0].id] = evaluate(stmt.value, env)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Constant, ast.BinOp, ast.JoinedStr)):
            v = evaluate(node, env)
            if isinstance(v, str):
                strings.append(v)
    return env, strings, tree


def plain(value):
    if isinstance(value, Unknown):
        return {"expr": value.source}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def facts(path):
    env, strings, tree = module_env(path, {os.path.abspath(path)})
    dags, operators = [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        if name is None:
            continue
        kwargs = {k.arg: plain(evaluate(k.value, env)) for k in node.keywords if k.arg}
        if name == "DAG":
            dags.append({"line": node.lineno, "kwargs": kwargs})
        elif name.endswith("Operator") or name.endswith("Sensor"):
            operators.append({"type": name, "line": node.lineno, "kwargs": kwargs})
    for v in env.values():
        for s in v if isinstance(v, list) else [v]:
            if isinstance(s, str):
                strings.append(s)
    return {"file": os.path.basename(path), "dags": dags, "operators": operators, "strings": sorted(set(strings))}


if __name__ == "__main__":
    json.dump({"files": [facts(p) for p in sys.argv[1:]]}, sys.stdout, ensure_ascii=False, indent=1)
