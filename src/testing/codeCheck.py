# Reads generated Keras scripts on stdin (a JSON list) and prints, as a JSON list, what the codegen test checks
# of each: every string literal, every called function (dotted name), and the tokens other than string
# literals (code or comments) that hold the marker. Used by src/model/codegen.hostile.test.ts; needs only the
# standard library.
import ast, io, json, sys, tokenize

marker = sys.argv[1]

def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + "." + node.attr
    return "<expr>"

def report(src):
    strings, calls = [], []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.append(node.value)
        elif isinstance(node, ast.Call):
            calls.append(dotted(node.func))
    outside = [t.string for t in tokenize.generate_tokens(io.StringIO(src).readline)
               if t.type != tokenize.STRING and marker in t.string]
    return {"strings": strings, "calls": sorted(set(calls)), "outside": outside}

json.dump([report(src) for src in json.load(sys.stdin)], sys.stdout)
