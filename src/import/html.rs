//! The HTML that Markdown documents carry: `<details>`/`<summary>` blocks, `<br>`, `<img>`,
//! `<a>` and comments, cut into pieces the Markdown walker understands.
//!
//! Documents use HTML in fragments (a `<details>` opened in one block and closed three blocks
//! later), so this is a scanner, not a parser: it never builds a tree, and anything it does not
//! know is passed on as a tag to ignore. Comments may span several events; the walker keeps that
//! state.

/// One piece of an HTML fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text between tags, with character references still in it.
    Text(&'a str),
    /// A tag: its lowercase name, whether it closes (`</b>`), and the attributes the walker uses.
    Tag(HtmlTag),
    /// `<!--` was found; what follows is comment text until [`Piece::CommentEnd`].
    CommentStart,
    /// Text inside a comment.
    CommentText(&'a str),
    /// `-->` was found.
    CommentEnd,
}

/// A tag and the attributes that carry text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct HtmlTag {
    /// Lowercase name, without `/`.
    pub name: String,
    /// Whether it is a closing tag.
    pub closing: bool,
    /// `href`, `src`, `alt` and `title`, when present.
    pub href: Option<String>,
    /// The image address.
    pub src: Option<String>,
    /// The image's description.
    pub alt: Option<String>,
}

/// Cuts `html` into pieces. `in_comment` says whether a comment is open when it starts; it is
/// updated for the next fragment.
pub(crate) fn pieces<'a>(html: &'a str, in_comment: &mut bool) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    if end > 0 {
                        out.push(Piece::CommentText(&rest[..end]));
                    }
                    out.push(Piece::CommentEnd);
                    *in_comment = false;
                    rest = &rest[end + 3..];
                }
                None => {
                    out.push(Piece::CommentText(rest));
                    rest = "";
                }
            }
            continue;
        }
        let Some(open) = rest.find('<') else {
            out.push(Piece::Text(rest));
            break;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let tail = &rest[open..];
        if let Some(after) = tail.strip_prefix("<!--") {
            out.push(Piece::CommentStart);
            *in_comment = true;
            rest = after;
            continue;
        }
        match tail
            .find('>')
            .and_then(|end| Some((end, tag(&tail[1..end])?)))
        {
            Some((end, tag)) => {
                out.push(Piece::Tag(tag));
                rest = &tail[end + 1..];
            }
            None => {
                // "a < b" or an unfinished tag: text.
                out.push(Piece::Text(&tail[..1]));
                rest = &tail[1..];
            }
        }
    }
    out
}

/// Reads the inside of `<…>`, or `None` when it is not a tag (`< b`, `<3`).
fn tag(inside: &str) -> Option<HtmlTag> {
    let (closing, body) = match inside.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, inside),
    };
    let name_len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let mut tag = HtmlTag {
        name: body[..name_len].to_ascii_lowercase(),
        closing,
        ..HtmlTag::default()
    };
    let mut attrs = &body[name_len..];
    while let Some((name, value, rest)) = attribute(attrs) {
        let value = Some(decode(value));
        match name.to_ascii_lowercase().as_str() {
            "href" => tag.href = value,
            "src" => tag.src = value,
            "alt" => tag.alt = value,
            _ => {}
        }
        attrs = rest;
    }
    Some(tag)
}

/// The next `name="value"` (or `name='value'`, `name=value`, bare `name`) in `text`.
fn attribute(text: &str) -> Option<(&str, &str, &str)> {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    let name_len = text
        .find(|c: char| c.is_whitespace() || c == '=' || c == '/' || c == '>')
        .unwrap_or(text.len());
    if name_len == 0 {
        return None;
    }
    let name = &text[..name_len];
    let rest = text[name_len..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else {
        return Some((name, "", rest));
    };
    let rest = rest.trim_start();
    for quote in ['"', '\''] {
        if let Some(inner) = rest.strip_prefix(quote) {
            let end = inner.find(quote).unwrap_or(inner.len());
            let after = inner.get(end + 1..).unwrap_or("");
            return Some((name, &inner[..end], after));
        }
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((name, &rest[..end], &rest[end..]))
}

/// Turns the character references HTML text uses most into characters; others stay as written.
pub(crate) fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| reference(&tail[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_comments() {
        let mut comment = false;
        let found = pieces(
            "<details><summary><b>Why?</b></summary><!-- hidden",
            &mut comment,
        );
        let names: Vec<String> = found
            .iter()
            .map(|p| match p {
                Piece::Tag(t) => format!("{}{}", if t.closing { "/" } else { "" }, t.name),
                Piece::Text(t) => (*t).to_owned(),
                Piece::CommentStart => "<!--".into(),
                Piece::CommentText(t) => format!("c:{t}"),
                Piece::CommentEnd => "-->".into(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "details",
                "summary",
                "b",
                "Why?",
                "/b",
                "/summary",
                "<!--",
                "c: hidden"
            ]
        );
        assert!(comment);
        let rest = pieces("still --> after", &mut comment);
        assert_eq!(
            rest,
            vec![
                Piece::CommentText("still "),
                Piece::CommentEnd,
                Piece::Text(" after")
            ]
        );
        assert!(!comment);
    }

    #[test]
    fn attributes_and_stray_brackets() {
        let mut comment = false;
        let found = pieces(
            "<img src='a.png' alt=\"A &amp; B\"/> 1 < 2 <a href=x>y</a>",
            &mut comment,
        );
        let Piece::Tag(img) = &found[0] else {
            panic!("{found:?}")
        };
        assert_eq!(img.src.as_deref(), Some("a.png"));
        assert_eq!(img.alt.as_deref(), Some("A & B"));
        assert!(found.contains(&Piece::Text("<")));
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Piece::Tag(t) if t.href.as_deref() == Some("x")))
        );
        assert_eq!(
            decode("&lt;b&gt; &#65;&#x42; &bogus; &"),
            "<b> AB &bogus; &"
        );
    }
}
