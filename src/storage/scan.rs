//! A single linear pass over RON text that knows where strings, characters and comments are,
//! so nothing inside them is mistaken for structure. It does two jobs before `ron` sees a
//! file: it finds the name a file starts with (past comments, nested ones too, and
//! `#![enable(..)]` attributes), and it refuses nesting too deep to be real, pointing at the
//! first opening too deep, in time proportional to the file's length whatever the file holds.

/// Deepest nesting of `(`, `[` and `{` accepted: `ron`'s own recursion limit, far beyond the
/// half a dozen levels an Onsite file uses.
pub const MAX_NESTING: usize = 128;

/// Bytes the walk must look at: brackets, quotes, comments, and the letters that may prefix a
/// string. Everything else is passed over in a tight loop.
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = b"([{)]}\"'/rb";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Calls `visit` with the offset and nesting depth of bytes of `text` outside strings,
/// characters and comments (an opening bracket counts at its own, deeper level), until `visit`
/// returns something or the text ends. With `every_byte` false, only brackets and the starts
/// of literals are visited, which is all depth needs and several times faster.
fn walk<T>(
    text: &str,
    every_byte: bool,
    mut visit: impl FnMut(usize, usize) -> Option<T>,
) -> Option<T> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        if !every_byte {
            while at < bytes.len() && !INTERESTING[usize::from(bytes[at])] {
                at += 1;
            }
            if at == bytes.len() {
                break;
            }
        }
        match bytes[at] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if let Some(found) = visit(at, depth) {
                    return Some(found);
                }
                at += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            _ => match skip_literal_or_comment(bytes, at) {
                Skipped::To(next) => at = next,
                Skipped::Unterminated => return None,
                Skipped::Nothing => {
                    if let Some(found) = visit(at, depth) {
                        return Some(found);
                    }
                    at += 1;
                }
            },
        }
    }
    None
}

/// Byte offset of the first opening bracket nested deeper than [`MAX_NESTING`], if any.
pub fn too_deep(text: &str) -> Option<usize> {
    walk(text, false, |at, depth| (depth > MAX_NESTING).then_some(at))
}

/// Byte offset of the field `name` of the file's outermost structure (`format` in
/// `QuestionPack(format: 2, ...)`), ignoring any field of that name nested deeper or written
/// in a string or comment.
pub fn top_level_field(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    walk(text, true, |at, depth| {
        let is_field = depth == 1
            && bytes[at..].starts_with(name.as_bytes())
            && !follows_identifier(bytes, at)
            && text[at + name.len()..].trim_start().starts_with(':');
        is_field.then_some(at)
    })
}

/// The number written for the top-level field `name`, if it is a plain decimal number.
pub fn top_level_number(text: &str, name: &str) -> Option<u64> {
    let at = top_level_field(text, name)?;
    let value = text[at + name.len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    value[..digits].parse().ok()
}

/// Byte offset of the first character of `text` that is not whitespace, a comment or an inner
/// attribute (`#![...]`); `text.len()` if there is none.
pub fn skip_trivia(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if bytes[at..].starts_with(b"//") || bytes[at..].starts_with(b"/*") {
            match skip_comment(bytes, at) {
                Some(next) => at = next,
                None => return bytes.len(),
            }
        } else if bytes[at..].starts_with(b"#![") {
            match skip_attribute(bytes, at + 2) {
                Some(next) => at = next,
                None => return bytes.len(),
            }
        } else {
            return at;
        }
    }
}

/// The result of trying to skip a string, character or comment at an offset.
enum Skipped {
    /// There was one; it ends just before this offset.
    To(usize),
    /// There was one that never ends: everything to the end of the text is inside it.
    Unterminated,
    /// There is none at this offset.
    Nothing,
}

fn skip_literal_or_comment(bytes: &[u8], at: usize) -> Skipped {
    let found = match bytes[at] {
        b'/' if matches!(bytes.get(at + 1), Some(b'/' | b'*')) => Some(skip_comment(bytes, at)),
        b'"' => Some(skip_string(bytes, at + 1)),
        b'\'' => return skip_char(bytes, at),
        b'r' | b'b' if !follows_identifier(bytes, at) => {
            let mut start = at + 1;
            if bytes[at] == b'b' && bytes.get(start) == Some(&b'r') {
                start += 1;
            }
            if bytes[at] == b'b' && start == at + 1 && bytes.get(start) == Some(&b'"') {
                Some(skip_string(bytes, start + 1))
            } else if bytes[at] == b'r' || start == at + 2 {
                raw_string(bytes, start)
            } else {
                None
            }
        }
        _ => None,
    };
    match found {
        Some(Some(next)) => Skipped::To(next),
        Some(None) => Skipped::Unterminated,
        None => Skipped::Nothing,
    }
}

/// Whether the byte before `at` is part of an identifier, so `r` or `b` at `at` is a letter of
/// it rather than the prefix of a string.
fn follows_identifier(bytes: &[u8], at: usize) -> bool {
    at > 0 && {
        let before = bytes[at - 1];
        before.is_ascii_alphanumeric() || before == b'_' || before >= 0x80
    }
}

/// The offset of the first byte in `bytes` that `wanted` accepts. A plain loop: files are
/// at most 16 MiB, and this pass is a small share of loading one (docs/benchmarks.md).
fn find(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    bytes.iter().position(|&b| wanted(b))
}

/// After `//` or `/*` at `at`: the offset past the comment, or `None` if it never ends. Block
/// comments nest, as in `ron`.
fn skip_comment(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes[at + 1] == b'/' {
        return Some(find(&bytes[at..], |b| b == b'\n').map_or(bytes.len(), |n| at + n + 1));
    }
    let mut depth = 1usize;
    let mut i = at + 2;
    loop {
        i += find(bytes.get(i..)?, |b| b == b'/' || b == b'*')?;
        match (bytes[i], bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

/// From just inside a `"`: the offset past the closing quote, or `None`.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += find(bytes.get(i..)?, |b| b == b'"' || b == b'\\')?;
        if bytes[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// From the `#`s (if any) after `r`: `Some(Some(end))` for a raw string, `Some(None)` for one
/// that never ends, `None` when this is not a raw string (`r#ident` is a raw identifier).
fn raw_string(bytes: &[u8], start: usize) -> Option<Option<usize>> {
    let mut i = start;
    while bytes.get(i) == Some(&b'#') {
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let hashes = i - start;
    i += 1;
    while let Some(found) = bytes.get(i..).and_then(|rest| find(rest, |b| b == b'"')) {
        i += found;
        let closing = bytes[i + 1..]
            .iter()
            .take(hashes)
            .take_while(|&&b| b == b'#')
            .count();
        if closing == hashes {
            return Some(Some(i + 1 + hashes));
        }
        i += 1;
    }
    Some(None)
}

/// At a `'`: a character literal such as `'('` or `'\''` is skipped whole; anything else is
/// left for `ron` to refuse.
fn skip_char(bytes: &[u8], at: usize) -> Skipped {
    let mut i = at + 1;
    match bytes.get(i) {
        Some(b'\\') => {
            i += 2;
            // `\u{...}` runs to its closing brace.
            while i < bytes.len() && bytes[i] != b'\'' && i - at < 16 {
                i += 1;
            }
        }
        Some(&first) => {
            // One character: one to four bytes of UTF-8.
            i += match first {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
        }
        None => return Skipped::Nothing,
    }
    if bytes.get(i) == Some(&b'\'') {
        Skipped::To(i + 1)
    } else {
        Skipped::Nothing
    }
}

/// From the `[` of `#![`: the offset past the matching `]`, or `None`.
fn skip_attribute(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivia_includes_nested_comments_and_attributes() {
        let text = "// first\n/* outer /* inner */ still outer */ #![enable(implicit_some)]\n  Evaluation(";
        assert_eq!(&text[skip_trivia(text)..], "Evaluation(");
        assert_eq!(skip_trivia("/* never closed"), "/* never closed".len());
        assert_eq!(skip_trivia(""), 0);
    }

    #[test]
    fn brackets_inside_strings_characters_and_comments_do_not_count() {
        let deep = "(".repeat(MAX_NESTING);
        for quiet in [
            format!("\"{deep}\""),
            format!("r##\"{deep}\"# still \"##"),
            format!("b\"{deep}\""),
            format!("br#\"{deep}\"#"),
            format!("/* {deep} /* {deep} */ */"),
            format!("// {deep}"),
            "'(' ".repeat(MAX_NESTING + 1),
            "'\\u{28}'".repeat(MAX_NESTING + 1),
        ] {
            let text = format!("{deep}{quiet}{}", ")".repeat(MAX_NESTING));
            assert_eq!(too_deep(&text), None, "{quiet}");
        }
    }

    #[test]
    fn the_first_opening_too_deep_is_found() {
        let text = format!("Evaluation({}", "Some(".repeat(200));
        let at = too_deep(&text).unwrap();
        // The opening bracket number 129: the file's own plus 128 `Some(`.
        assert_eq!(at, "Evaluation(".len() + MAX_NESTING * "Some(".len() - 1);
        assert_eq!(too_deep(&"[]".repeat(10_000)), None);
        assert_eq!(too_deep(&"[".repeat(MAX_NESTING)), None);
        assert!(too_deep(&"{".repeat(MAX_NESTING + 1)).is_some());
    }

    #[test]
    fn the_top_level_format_is_found_and_no_other() {
        let text = "QuestionPack(\n  // format: 7\n  title: \"format: 8\", questions: [(format: 9)],\n  format: 2,\n)";
        assert_eq!(top_level_number(text, "format"), Some(2));
        assert_eq!(top_level_number("Evaluation(reformat: 3)", "format"), None);
        assert_eq!(top_level_number("Evaluation(format: x)", "format"), None);
        assert_eq!(
            top_level_number("Evaluation(format:12, a: 1)", "format"),
            Some(12)
        );
    }

    #[test]
    fn identifiers_ending_in_r_or_b_are_not_string_prefixes() {
        let text = format!("(number: 1, verb\"{}", "(".repeat(MAX_NESTING + 1));
        // `verb"` is not a byte string; the quote opens a plain string to the end.
        assert_eq!(too_deep(&text), None);
        let raw_identifier = format!("r#name{}", "(".repeat(MAX_NESTING + 1));
        assert!(too_deep(&raw_identifier).is_some());
    }
}
