"""Every command of the CLI's table appears in the manual page, both completions and --help.

check_commands.py CommandTable.cpp MANUAL.1.gz BASH ZSH HELP.txt
The commands are read from the table's source, not from the program, so a manual or completion written
by an older program, or one that drops a command, fails here.
"""
import gzip
import re
import sys

table, manual, bash, zsh, help_text = sys.argv[1:6]
source = open(table, encoding="utf-8").read()
commands = [tuple(re.findall(r's\("([a-z0-9-]+)"\)', m)) for m in re.findall(r"\{\{((?:s\(\"[a-z0-9-]+\"\),?\s*)+)\}", source)]
assert len(commands) > 40, f"only {len(commands)} commands read from the table"
man = gzip.open(manual, "rt", encoding="utf-8").read()
bash_text = open(bash, encoding="utf-8").read()
zsh_text = open(zsh, encoding="utf-8").read()
help_words = open(help_text, encoding="utf-8").read()
missing = []
for path in commands:
    name = " ".join(path)
    if f".TP\n\\fB{name.replace('-', chr(92) + '-')}\\fR" not in man:
        missing.append(f"manual: {name}")
    for label, text in (("bash", bash_text), ("zsh", zsh_text)):
        if f"'{name}'" not in text:
            missing.append(f"{label}: {name}")
        if len(path) == 2 and not re.search(rf"\b{re.escape(path[0])}\b.*'[^']*\b{re.escape(path[1])}\b[^']*'", text):
            missing.append(f"{label} subcommand: {name}")
    # --help writes alternatives as "consent list … | show ID | approve ID": the first word and each later one.
    if not re.search(rf"^  {re.escape(path[0])}\b", help_words, re.M):
        missing.append(f"--help: {name}")
    elif len(path) == 2 and not re.search(rf"\b{re.escape(path[1])}\b", help_words):
        missing.append(f"--help: {name}")
if missing:
    sys.exit("missing:\n  " + "\n  ".join(missing))
print(f"{len(commands)} commands in the manual, the bash and zsh completions and --help")
