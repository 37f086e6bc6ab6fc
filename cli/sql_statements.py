"""Where one SQL statement ends: at a `;` outside strings, quoted names and comments.

Why not one statement per line: a query pasted over two lines (`select count(*)` then `from fct_aid;`)
ran as two statements, so the first answered 1 and the second dumped the table. The shell now collects
text until it ends with a `;` (the continuation prompt shows it is waiting), and a one-shot argument or
a script may hold several statements. DuckDB's own parser cannot tell "not finished yet" from "wrong",
so this small scanner knows just enough SQL lexing to find the semicolons that end statements:
'strings' (with '' inside, and E'...' with backslash escapes), "quoted names", $tag$ dollar-quoted
strings $tag$, -- line comments and /* block comments, which nest as in PostgreSQL */.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$")
_WORD = re.compile(r"[A-Za-z_]+")


@dataclass(frozen=True)
class Statement:
    """One statement: `text` as written (sent to DuckDB, comments and all), `code` with comments blanked."""

    text: str
    code: str

    def leading_words(self, count: int) -> tuple[str, ...]:
        """The first `count` words of the statement, in capitals: what kind of statement it is."""
        return tuple(word.upper() for word in _WORD.findall(self.code)[:count])


@dataclass(frozen=True)
class Split:
    """The statements a text ends with `;`, and what follows the last `;`."""

    statements: tuple[Statement, ...]
    rest: Statement  # text after the last `;`: an unfinished statement, or only blanks and comments
    open_quote_or_comment: bool  # the text stops inside a string, a quoted name or a block comment

    @property
    def complete(self) -> bool:
        """True when nothing is left half-written: every statement has its `;`."""
        return not self.open_quote_or_comment and not self.rest.code.strip()

    def all_statements(self) -> tuple[Statement, ...]:
        """Every statement, the unfinished rest counted as the last one (a one-shot argument or a
        script's end needs no `;`)."""
        return (*self.statements, self.rest) if self.rest.code.strip() else self.statements


def split_statements(text: str) -> Split:
    """Cut `text` at each `;` that ends a statement."""
    statements: list[Statement] = []
    written: list[str] = []  # the current statement as written
    code: list[str] = []  # the same with each comment blanked (strings kept)
    position, length = 0, len(text)
    open_token = False
    while position < length:
        char = text[position]
        two = text[position : position + 2]
        if char == ";":
            if "".join(code).strip():  # `;;` or a comment alone before a `;` is no statement
                statements.append(Statement("".join(written).strip(), "".join(code).strip()))
            written, code = [], []
            position += 1
            continue
        if two == "--":
            end = text.find("\n", position)
            end = length if end == -1 else end
            written.append(text[position:end])
            code.append(" ")
            position = end
            continue
        if two == "/*":
            end = _block_comment_end(text, position)
            open_token = end == -1
            end = length if end == -1 else end
            written.append(text[position:end])
            code.append(" ")
            position = end
            continue
        if char in "'\"":
            backslash_escapes = char == "'" and _is_escape_string_prefix(text, position)
            end = _quoted_end(text, position, char, backslash_escapes)
        elif char == "$" and (tag := _DOLLAR_TAG.match(text, position)) and not _inside_word(text, position):
            closing = text.find(tag.group(), tag.end())
            end = -1 if closing == -1 else closing + len(tag.group())
        else:
            written.append(char)
            code.append(char)
            position += 1
            continue
        open_token = end == -1
        end = length if end == -1 else end
        written.append(text[position:end])
        code.append(text[position:end])
        position = end
    rest = Statement("".join(written).strip(), "".join(code).strip())
    return Split(tuple(statements), rest, open_token)


def _quoted_end(text: str, start: int, quote: str, backslash_escapes: bool) -> int:
    """The index just past the closing quote of the string or name opened at `start`, or -1."""
    position = start + 1
    while position < len(text):
        char = text[position]
        if backslash_escapes and char == "\\":
            position += 2
            continue
        if char == quote:
            if text[position + 1 : position + 2] == quote:  # '' (or "") stands for one quote
                position += 2
                continue
            return position + 1
        position += 1
    return -1


def _block_comment_end(text: str, start: int) -> int:
    """The index just past the `*/` closing the comment opened at `start` (nested ones counted), or -1."""
    depth, position = 0, start
    while position < len(text):
        two = text[position : position + 2]
        if two == "/*":
            depth += 1
            position += 2
        elif two == "*/":
            depth -= 1
            position += 2
            if depth == 0:
                return position
        else:
            position += 1
    return -1


def _is_escape_string_prefix(text: str, quote_at: int) -> bool:
    """E'...' (a lone E or e before the quote) takes backslash escapes."""
    return quote_at > 0 and text[quote_at - 1] in "Ee" and not _inside_word(text, quote_at - 1)


def _inside_word(text: str, position: int) -> bool:
    """The character at `position` continues a word (`a$1$` is a name, not a dollar quote)."""
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] == "_")
