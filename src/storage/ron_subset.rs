//! A fast reader for the part of RON that Onsite writes, with ron itself behind it.
//!
//! ron reads text a character at a time, which makes a large pack about 3.5× slower to load
//! than the same data as JSON. This reader works on bytes and covers what `to_ron` writes and
//! what people commonly type in a pack: structs with or without their name, lists, implicit and
//! explicit `Some(..)`/`None`, unit variants and newtype variants with the newtype unwrapped,
//! strings (quoted with the usual escapes, or raw), decimal numbers, booleans, `//` and nested
//! `/* */` comments.
//!
//! Everything else, and every error, makes it *decline*: [`from_str`] returns `None` and the
//! caller reads the text with ron, which gives the real value or the real error with its line
//! and column. So this reader must never accept text that ron refuses, nor read a different
//! value from it; the unit tests here, `tests/ron_subset.rs`, `tests/robustness.rs` and the
//! `ron_subset` fuzz target compare the two.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

/// Reads `text` as RON with Onsite's extensions (implicit `Some`, unwrapped variant newtypes),
/// or returns `None` when the text leaves the subset this reader knows or is not valid.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        in_newtype_variant: false,
        depth: 0,
    };
    reader.skip_blank().ok()?;
    // `#![enable(..)]` attributes change how the rest reads: leave them to ron.
    if reader.peek() == Some(b'#') {
        return None;
    }
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_blank().ok()?;
    (reader.at == reader.bytes.len()).then_some(value)
}

/// Nesting deeper than this declines. ron refuses nesting beyond 128 levels; declining well
/// before that keeps this reader from accepting what ron refuses and bounds its stack.
const MAX_DEPTH: usize = 64;

/// Why the reader stopped: never shown, the caller asks ron instead.
#[derive(Debug)]
struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the RON subset read quickly")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<M: fmt::Display>(_message: M) -> Self {
        Declined
    }
}

type Result<T> = std::result::Result<T, Declined>;

/// The cursor over the text.
struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
    /// ron's "newtype variant" state: inside `Variant(..)` or `Some(..)` a struct's own name and
    /// parentheses are left out (`FromPack(pack: "a", question: "b")`).
    in_newtype_variant: bool,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The text between two byte offsets. Every offset used here sits next to an ASCII byte,
    /// so this never fails in practice; it declines rather than panic if it ever did.
    fn slice(&self, from: usize, to: usize) -> Result<&'de str> {
        self.text.get(from..to).ok_or(Declined)
    }

    /// The bytes from the cursor on (none if a bug ever moved it past the end).
    fn rest(&self) -> &'de [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    /// Consumes `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(Declined)
        }
    }

    /// Skips whitespace and comments as ron does between any two tokens. Only ASCII whitespace
    /// is known here; ron's other whitespace characters end up declined as unexpected.
    fn skip_blank(&mut self) -> Result<()> {
        loop {
            while let Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) = self.peek() {
                self.at += 1;
            }
            if self.peek() != Some(b'/') {
                return Ok(());
            }
            match self.bytes.get(self.at + 1) {
                Some(b'/') => {
                    self.at = memchr::memchr(b'\n', self.rest())
                        .map_or(self.bytes.len(), |n| self.at + n);
                }
                Some(b'*') => self.skip_block_comment()?,
                _ => return Err(Declined),
            }
        }
    }

    /// Skips a `/* .. */` comment, which nests, scanning as ron does.
    fn skip_block_comment(&mut self) -> Result<()> {
        self.at += 2;
        let mut level = 1_usize;
        while level > 0 {
            let found = memchr::memchr2(b'/', b'*', self.rest()).ok_or(Declined)?;
            self.at += found;
            let rest = self.rest();
            if rest.starts_with(b"/*") {
                level += 1;
                self.at += 2;
            } else if rest.starts_with(b"*/") {
                level -= 1;
                self.at += 2;
            } else {
                self.at += 1;
            }
        }
        Ok(())
    }

    /// Skips blanks, a comma if there is one, and blanks again; tells whether there was one.
    fn comma(&mut self) -> Result<bool> {
        self.skip_blank()?;
        let found = self.eat(b',');
        if found {
            self.skip_blank()?;
        }
        Ok(found)
    }

    /// An ASCII identifier. Whatever ron would read differently after one (a raw identifier,
    /// a raw or byte string, a non-ASCII letter that may continue it) declines.
    fn identifier(&mut self) -> Result<&'de str> {
        let start = self.at;
        match self.peek() {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => self.at += 1,
            _ => return Err(Declined),
        }
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.peek() {
            self.at += 1;
        }
        match self.peek() {
            Some(byte) if byte >= 0x80 || b".+-#\"'".contains(&byte) => Err(Declined),
            _ => self.slice(start, self.at),
        }
    }

    /// Consumes `word` if it is the identifier that comes next (ron's `consume_ident`).
    fn keyword(&mut self, word: &str) -> Result<bool> {
        let start = self.at;
        if !self.rest().starts_with(word.as_bytes()) {
            return Ok(false);
        }
        match self.bytes.get(start + word.len()) {
            Some(byte) if *byte >= 0x80 => Err(Declined),
            Some(byte) if byte.is_ascii_alphanumeric() || *byte == b'_' => Ok(false),
            _ => {
                self.at += word.len();
                Ok(true)
            }
        }
    }

    /// A quoted string with the escapes `\" \\ \' \n \r \t \0 \u{..}`, or a raw string `r#".."#`.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        if self.eat(b'r') {
            let hashes = self.rest().iter().take_while(|&&b| b == b'#').count();
            self.at += hashes;
            self.expect(b'"')?;
            // ron ends a raw string at the first quote followed by as many hashes.
            let mut ending = vec![b'"'];
            ending.resize(hashes + 1, b'#');
            let found = memchr::memmem::find(self.rest(), &ending).ok_or(Declined)?;
            let value = self.slice(self.at, self.at + found)?;
            self.at += found + ending.len();
            return Ok(Cow::Borrowed(value));
        }
        self.expect(b'"')?;
        let start = self.at;
        let found = memchr::memchr2(b'"', b'\\', self.rest()).ok_or(Declined)?;
        self.at += found;
        if self.eat(b'"') {
            return Ok(Cow::Borrowed(self.slice(start, start + found)?));
        }
        let mut value = String::from(self.slice(start, self.at)?);
        loop {
            // At a backslash.
            let Some(&code) = self.bytes.get(self.at + 1) else {
                return Err(Declined);
            };
            self.at += 2;
            let escaped = match code {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => self.unicode_escape()?,
                _ => return Err(Declined),
            };
            value.push(escaped);
            let found = memchr::memchr2(b'"', b'\\', self.rest()).ok_or(Declined)?;
            value.push_str(self.slice(self.at, self.at + found)?);
            self.at += found;
            if self.eat(b'"') {
                return Ok(Cow::Owned(value));
            }
        }
    }

    /// The rest of a `\u{..}` escape: one to six hex digits in braces naming a character.
    fn unicode_escape(&mut self) -> Result<char> {
        self.expect(b'{')?;
        let start = self.at;
        while self.at - start < 6 && self.peek().is_some_and(|byte| byte.is_ascii_hexdigit()) {
            self.at += 1;
        }
        let digits = self.slice(start, self.at)?;
        self.expect(b'}')?;
        let code = u32::from_str_radix(digits, 16).map_err(|_| Declined)?;
        char::from_u32(code).ok_or(Declined)
    }

    /// One or more ASCII digits.
    fn digits(&mut self) -> Result<()> {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        if self.at == start {
            Err(Declined)
        } else {
            Ok(())
        }
    }

    /// A decimal integer: a minus sign for signed types only, no plus sign, leading zeros,
    /// underscores or suffix.
    fn integer<T: FromStr>(&mut self, signed: bool) -> Result<T> {
        let start = self.at;
        if signed {
            self.eat(b'-');
        }
        let first_digit = self.at;
        self.digits()?;
        if self.bytes.get(first_digit) == Some(&b'0') && self.at - first_digit > 1 {
            return Err(Declined);
        }
        self.number_ends()?;
        self.slice(start, self.at)?.parse().map_err(|_| Declined)
    }

    /// `-1.5e3`-style decimals, parsed by the same `f64::from_str` ron uses.
    fn float<T: FromStr>(&mut self) -> Result<T> {
        let start = self.at;
        self.eat(b'-');
        self.digits()?;
        if self.eat(b'.') {
            self.digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'-') {
                self.eat(b'+');
            }
            self.digits()?;
        }
        self.number_ends()?;
        self.slice(start, self.at)?.parse().map_err(|_| Declined)
    }

    /// ron reads letters, `_`, `.`, `+` and `-` after digits as part of a number (hex digits,
    /// suffixes, ranges): anything of that kind right after a number declines.
    fn number_ends(&self) -> Result<()> {
        match self.peek() {
            Some(byte)
                if byte.is_ascii_alphanumeric() || b"_.+-".contains(&byte) || byte >= 0x80 =>
            {
                Err(Declined)
            }
            _ => Ok(()),
        }
    }

    /// Runs `read` one nesting level deeper.
    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(Declined);
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// Outside a newtype variant the plain value readers ignore ron's newtype state, as ron
    /// does; the others only run in the states mirrored here.
    fn not_in_newtype_variant(&self) -> Result<()> {
        if self.in_newtype_variant {
            Err(Declined)
        } else {
            Ok(())
        }
    }
}

/// The elements of a list or the fields of a struct, up to `close`.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    had_comma: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    /// The items from here up to the `close` byte.
    fn up_to(reader: &'a mut Reader<'de>, close: u8) -> Self {
        Items {
            reader,
            close,
            had_comma: true,
        }
    }

    /// ron's rule: after a comma the list may end or go on; without one it must end.
    fn has_item(&mut self) -> Result<bool> {
        self.reader.skip_blank()?;
        let more = self.reader.peek() != Some(self.close);
        match (self.had_comma, more) {
            (true, more) => Ok(more),
            (false, false) => Ok(false),
            (false, true) => Err(Declined),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let value = self.reader.nested(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        seed.deserialize(BorrowedStrDeserializer::<Declined>::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_blank()?;
        self.reader.expect(b':')?;
        self.reader.skip_blank()?;
        let value = self.reader.nested(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma()?;
        Ok(value)
    }
}

/// An enum's variant, after its name.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Declined;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        self.reader.skip_blank()?;
        let name = seed.deserialize(&mut *self.reader)?;
        Ok((name, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Declined;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        let reader = self.reader;
        reader.skip_blank()?;
        reader.expect(b'(')?;
        reader.skip_blank()?;
        reader.in_newtype_variant = true;
        let value = reader.nested(|reader| seed.deserialize(reader))?;
        reader.in_newtype_variant = false;
        reader.comma()?;
        reader.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }
}

/// Declines the listed kinds of value: ron reads them.
macro_rules! decline {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _visitor: V) -> Result<V::Value> {
                Err(Declined)
            }
        )*
    };
}

/// Reads a number with `Reader::$read` and hands it to the visitor's `$visit`.
macro_rules! numbers {
    ($($method:ident => $visit:ident($read:ident $(, $signed:expr)?)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                visitor.$visit(self.$read($($signed)?)?)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Declined;

    decline! {
        deserialize_any(),
        deserialize_i128(),
        deserialize_u128(),
        deserialize_char(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_unit(),
        deserialize_unit_struct(&'static str),
        deserialize_newtype_struct(&'static str),
        deserialize_tuple(usize),
        deserialize_tuple_struct(&'static str, usize),
        deserialize_map(),
        deserialize_ignored_any(),
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.keyword("true")? {
            visitor.visit_bool(true)
        } else if self.keyword("false")? {
            visitor.visit_bool(false)
        } else {
            Err(Declined)
        }
    }

    numbers! {
        deserialize_i8 => visit_i8(integer, true),
        deserialize_i16 => visit_i16(integer, true),
        deserialize_i32 => visit_i32(integer, true),
        deserialize_i64 => visit_i64(integer, true),
        deserialize_u8 => visit_u8(integer, false),
        deserialize_u16 => visit_u16(integer, false),
        deserialize_u32 => visit_u32(integer, false),
        deserialize_u64 => visit_u64(integer, false),
        deserialize_f32 => visit_f32(float),
        deserialize_f64 => visit_f64(float),
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.not_in_newtype_variant()?;
        if self.keyword("None")? {
            return visitor.visit_none();
        }
        if self.keyword("Some")? {
            self.skip_blank()?;
            // ron reads `Some` without a parenthesis after it as the start of an implicit
            // `Some`; nobody means that.
            self.expect(b'(')?;
            self.skip_blank()?;
            self.in_newtype_variant = true;
            let value = self.nested(|reader| visitor.visit_some(&mut *reader))?;
            self.in_newtype_variant = false;
            self.comma()?;
            self.expect(b')')?;
            return Ok(value);
        }
        self.nested(|reader| visitor.visit_some(reader))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.in_newtype_variant = false;
        self.expect(b'[')?;
        let value = self.nested(|reader| visitor.visit_seq(Items::up_to(reader, b']')))?;
        self.skip_blank()?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let unwrapped = self.in_newtype_variant;
        self.in_newtype_variant = false;
        if !unwrapped {
            // The struct's name may come first, and must be its own.
            if self.peek() != Some(b'(') && self.identifier()? != name {
                return Err(Declined);
            }
            self.skip_blank()?;
            self.expect(b'(')?;
        }
        let value = self.nested(|reader| visitor.visit_map(Items::up_to(reader, b')')))?;
        self.skip_blank()?;
        if !unwrapped {
            self.expect(b')')?;
        }
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.in_newtype_variant = false;
        self.nested(|reader| visitor.visit_enum(Variant { reader }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Evaluation, InterviewPlan, QuestionPack};
    use crate::storage::BUNDLED_PACKS;
    use crate::storage::format::ron_only;
    use std::fmt::Debug;

    /// Reads `text` quickly, insisting that it is not declined and that ron agrees.
    fn quick_and_agreed<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> T {
        let quick = from_str::<T>(text).unwrap_or_else(|| panic!("declined: {text}"));
        let reference = ron_only::<T>(text).unwrap_or_else(|e| panic!("ron refuses ({e}): {text}"));
        assert_eq!(quick, reference, "{text}");
        quick
    }

    /// A pack around one question whose fields are `fields` (with 5 minutes unless given).
    fn pack_with_question(fields: &str) -> String {
        let minutes = if fields.contains("minutes") {
            ""
        } else {
            ", minutes: 5"
        };
        format!(r#"QuestionPack(format: 1, id: "p", title: "P", questions: [({fields}{minutes})])"#)
    }

    #[test]
    fn reads_every_file_onsite_ships_without_declining() {
        for (name, text) in BUNDLED_PACKS {
            let pack: QuestionPack = quick_and_agreed(text);
            assert!(!pack.questions.is_empty(), "{name}");
        }
        let evaluation: Evaluation =
            quick_and_agreed(include_str!("../../examples/evaluation-sample.ron"));
        assert!(!evaluation.answers.is_empty());
    }

    #[test]
    fn reads_what_to_ron_writes_for_plans_and_evaluations() {
        let text = r#"InterviewPlan(format: 1, title: "Loop", entries: [
            (question: FromPack(pack: "backend-engineering", question: "idempotency"), minutes: 7),
            (question: FromPack(pack: "a", question: "b"), minutes: Some(3)),
            (question: Custom(id: "own", prompt: "Why \"this\"?", minutes: 4, level: Senior)),
        ])"#;
        let plan: InterviewPlan = quick_and_agreed(text);
        assert_eq!(plan.entries.len(), 3);
        let written = crate::storage::to_ron(&plan).unwrap_or_default();
        assert_eq!(quick_and_agreed::<InterviewPlan>(&written), plan);
    }

    #[test]
    fn reads_the_forms_people_type_by_hand() {
        let cases = [
            // Comments anywhere, nested block comments, a line comment at the very end.
            "/* head /* nested */ */ QuestionPack( // why\n format: 1, id: \"p\", title: \"P\", questions: [], ) // end",
            // No struct name, trailing commas, blanks before colons and parentheses.
            "(format : 1 , id: \"p\" , title: \"P\", questions: [ ] , )",
            "QuestionPack\n(\n\tformat: 1,\r\n id: \"p\", title: \"P\", questions: [],\n)",
        ];
        for text in cases {
            quick_and_agreed::<QuestionPack>(text);
        }
        let questions = [
            r#"id: "q", prompt: "plain""#,
            r#"id: "q", prompt: "quote \" backslash \\ apostrophe \' newline \n return \r tab \t nul \0 end""#,
            r#"id: "q", prompt: "unicode \u{41}\u{e9}\u{1F600}\u{000041} end""#,
            "id: \"q\", prompt: \"a literal\nline break and ünïcödé, 日本語\"",
            r##"id: "q", prompt: r#"raw "quoted" \n stays"#"##,
            r#"id: "q", prompt: r"raw without hashes""#,
            r#"id: "q", prompt: "", minutes: 0, weight: 2"#,
            r#"id: "q", prompt: "", weight: 0.25"#,
            r#"id: "q", prompt: "", weight: -1.5e-3"#,
            r#"id: "q", prompt: "", weight: 1E2"#,
            r#"id: "q", prompt: "", level: Staff, tags: ["a", "b",]"#,
            r#"id: "q", prompt: "", rubric: None"#,
            r#"id: "q", prompt: "", rubric: Some([(score: 1, label: "x")])"#,
            r#"id: "q", prompt: "", rubric: [(score: 1, label: "x", anchor: "a",)]"#,
        ];
        for fields in questions {
            quick_and_agreed::<QuestionPack>(&pack_with_question(fields));
        }
        let pack: QuestionPack = quick_and_agreed(&pack_with_question(
            r#"id: "q", prompt: "a \"b\" \\ c", weight: -1.5e-3"#,
        ));
        assert_eq!(pack.questions[0].prompt, r#"a "b" \ c"#);
        assert_eq!(pack.questions[0].weight, -1.5e-3);
    }

    #[test]
    fn declines_what_only_ron_reads() {
        // Valid RON for ron, outside the quick subset: the caller falls back to ron.
        let questions = [
            r#"id: "q", prompt: "\x41""#,
            "id: \"q\", prompt: \"continued \\\n   line\"",
            r#"id: "q", prompt: "", minutes: 0x5"#,
            r#"id: "q", prompt: "", minutes: 1_0"#,
            r#"id: "q", prompt: "", minutes: +5"#,
            r#"id: "q", prompt: "", minutes: 05"#,
            r#"id: "q", prompt: "", minutes: 5u32"#,
            r#"id: "q", prompt: "", weight: inf"#,
            r#"id: "q", prompt: "", weight: 1.5f64"#,
            r#"id: "q", prompt: "", weight: .5"#,
            r#"id: "q", r#prompt: """#,
            "id: \"q\",\u{2028}prompt: \"\"",
        ];
        for fields in questions {
            let text = pack_with_question(fields);
            assert_eq!(from_str::<QuestionPack>(&text), None, "{text}");
            assert!(ron_only::<QuestionPack>(&text).is_ok(), "{text}");
        }
        let text = "#![enable(implicit_some)]\nQuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])";
        assert_eq!(from_str::<QuestionPack>(text), None);
        assert!(ron_only::<QuestionPack>(text).is_ok());
    }

    #[test]
    fn declines_every_error_so_that_ron_can_explain_it() {
        let texts = [
            "",
            "QuestionPack(",
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])x",
            "Evaluation(format: 1, id: \"p\", title: \"P\", questions: [])",
            "QuestionPack(format: 1 id: \"p\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [], extra: 1)",
            "QuestionPack(format: 1, id: \"p\", title: \"P\")",
            "QuestionPack(format: 1, format: 1, id: \"p\", title: \"P\", questions: [])",
            "QuestionPack(format: -1, id: \"p\", title: \"P\", questions: [])",
            "QuestionPack(format: 4294967296, id: \"p\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"p, title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: r#\"p\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: []) /* open",
            "QuestionPack(format: 1, id: \"\\u{110000}\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"\\u{}\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"\\u{1234567}\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"\\u0041\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"\\q\", title: \"P\", questions: [])",
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [(id: \"q\", prompt: \"\", level: Guru)])",
        ];
        for text in texts {
            assert_eq!(from_str::<QuestionPack>(text), None, "{text}");
            assert!(ron_only::<QuestionPack>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn deep_nesting_declines_without_overflowing_the_stack() {
        let text = format!("{}{}", "Some(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(from_str::<Option<Option<u8>>>(&text), None);
    }
}
