//! Reading files without ever blocking: only regular files are opened, and only up to the size
//! limit; the bytes are then decoded as UTF-8 (a leading byte-order mark is accepted, UTF-16
//! and UTF-32 are named as such).
//!
//! A FIFO named `x.ron` would block `open` until a writer appears, and `/dev/zero` never ends,
//! so the file's metadata is checked before opening it. On Unix the file is also opened with
//! `O_NONBLOCK`, so one swapped for a FIFO between the check and the open still cannot block,
//! and checked again once open.

use std::fs::{self, File, FileType, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::error::LoadError;

/// Largest file Onsite will read, and write. Real files are kilobytes; this stops a stray video
/// or disk image from being read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The UTF-8 byte-order mark some Windows editors put at the start of a text file.
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// What a path names when it is not a regular file, in words for a message.
pub fn special_kind(file_type: FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    if file_type.is_symlink() {
        return Some("a symbolic link");
    }
    Some("not a regular file")
}

/// The error for `path` when `metadata` is not a regular file's.
fn refuse_special(path: &Path, metadata: &Metadata) -> Result<(), LoadError> {
    match special_kind(metadata.file_type()) {
        None => Ok(()),
        Some(what) => Err(LoadError::NotAFile {
            path: path.to_owned(),
            what,
        }),
    }
}

/// Opens `path` for reading if it is a regular file (following symbolic links), never
/// blocking; returns the file and its size.
pub fn open_regular(path: &Path) -> Result<(File, u64), LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // `metadata` follows symbolic links, so a link to `/dev/zero` is seen as the device.
    refuse_special(path, &fs::metadata(path).map_err(io_error)?)?;
    let file = open_nonblocking(path).map_err(io_error)?;
    // Checked again on the open file: the path may have been swapped since.
    let metadata = file.metadata().map_err(io_error)?;
    refuse_special(path, &metadata)?;
    Ok((file, metadata.len()))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK only changes how FIFOs and devices open and read; a regular file reads as
    // usual. O_NOCTTY keeps a terminal device from becoming this process's terminal.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Reads a whole regular file, refusing it before reading when it is over [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, size) = open_regular(path)?;
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

/// The error for a file of `size` bytes, over the limit.
pub fn too_large(path: &Path, size: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_FILE_BYTES,
    }
}

/// A Unicode encoding other than UTF-8 that a file's first bytes give away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherEncoding {
    /// UTF-16, little-endian ("Unicode" in Windows Notepad).
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, either byte order.
    Utf32,
}

impl OtherEncoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            OtherEncoding::Utf16Le => "UTF-16 (little-endian)",
            OtherEncoding::Utf16Be => "UTF-16 (big-endian)",
            OtherEncoding::Utf32 => "UTF-32",
        }
    }
}

/// Whether `bytes` are UTF-16 or UTF-32 text: by byte-order mark, or, without one, by the zero
/// bytes that ASCII characters get in those encodings (`Q\0u\0`…), which UTF-8 text never
/// starts with.
pub fn other_encoding(bytes: &[u8]) -> Option<OtherEncoding> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Some(OtherEncoding::Utf32),
        [0xFF, 0xFE, ..] => Some(OtherEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(OtherEncoding::Utf16Be),
        [a, 0, 0, 0, ..] | [0, 0, 0, a, ..] if *a != 0 => Some(OtherEncoding::Utf32),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some(OtherEncoding::Utf16Le),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some(OtherEncoding::Utf16Be),
        _ => None,
    }
}

/// Decodes UTF-16 `bytes` (after their byte-order mark, if any), replacing unpaired surrogates.
pub fn decode_utf16(bytes: &[u8], encoding: OtherEncoding) -> Option<String> {
    let unit = |pair: &[u8]| match (encoding, pair) {
        (OtherEncoding::Utf16Le, [low, high]) => Some(u16::from_le_bytes([*low, *high])),
        (OtherEncoding::Utf16Be, [high, low]) => Some(u16::from_be_bytes([*high, *low])),
        _ => None,
    };
    let units: Option<Vec<u16>> = bytes.chunks(2).map(unit).collect();
    let text: String = char::decode_utf16(units?)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Some(
        text.strip_prefix(BYTE_ORDER_MARK)
            .map(str::to_owned)
            .unwrap_or(text),
    )
}

/// Checks the size limit and encoding of bytes read from `path` and returns the text, without
/// a leading byte-order mark.
pub fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, LoadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    if let Some(encoding) = other_encoding(&bytes) {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "the file is {} text; Onsite reads UTF-8: save it again as UTF-8",
                encoding.name()
            ),
        });
    }
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..BYTE_ORDER_MARK.len_utf8());
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let (line, column) = super::format::line_column(&text, text.len());
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not valid UTF-8 text (is it a binary file?)".to_owned(),
        }
    })
}

/// Reads a file as text, refusing special files, files over [`MAX_FILE_BYTES`], other
/// encodings and invalid UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, read_bytes(path)?)
}

/// Said when a document had bytes that are not UTF-8 and they were replaced.
pub const NOT_UTF8_REPLACED: &str = "not valid UTF-8 text; the bytes that are not were replaced";

/// A document to import (Markdown or text): read with the same checks as Onsite's files, but
/// bytes that are not UTF-8 are replaced rather than refused, since a document saved in
/// another encoding still has its questions, and UTF-16 (what Windows calls "Unicode") is
/// decoded. The flag says whether anything was replaced.
pub fn read_document(path: &Path) -> Result<(String, bool), LoadError> {
    let bytes = read_bytes(path)?;
    match other_encoding(&bytes) {
        Some(encoding @ (OtherEncoding::Utf16Le | OtherEncoding::Utf16Be)) => {
            // Only text that decodes cleanly is taken as UTF-16; anything else is read as
            // UTF-8 with the bad bytes replaced, as before.
            if let Some(text) = decode_utf16(&bytes, encoding).filter(|t| !t.contains('\u{fffd}')) {
                return Ok((text, false));
            }
        }
        Some(OtherEncoding::Utf32) => {
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: "the file is UTF-32 text; save it again as UTF-8".to_owned(),
            });
        }
        None => {}
    }
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_encodings_are_recognised_by_mark_or_zero_bytes() {
        assert_eq!(other_encoding(b"\xFF\xFEQ\0"), Some(OtherEncoding::Utf16Le));
        assert_eq!(other_encoding(b"\xFE\xFF\0Q"), Some(OtherEncoding::Utf16Be));
        assert_eq!(other_encoding(b"Q\0u\0"), Some(OtherEncoding::Utf16Le));
        assert_eq!(other_encoding(b"\0Q\0u"), Some(OtherEncoding::Utf16Be));
        assert_eq!(
            other_encoding(b"\xFF\xFE\0\0Q\0\0\0"),
            Some(OtherEncoding::Utf32)
        );
        assert_eq!(other_encoding(b"QuestionPack("), None);
        assert_eq!(other_encoding("\u{feff}Q".as_bytes()), None);
        assert_eq!(other_encoding(b""), None);
    }

    #[test]
    fn utf16_decodes_in_both_byte_orders() {
        let text = "# Título\n";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(
            decode_utf16(&little[2..], OtherEncoding::Utf16Le).as_deref(),
            Some(text)
        );
        assert_eq!(
            decode_utf16(&big, OtherEncoding::Utf16Be).as_deref(),
            Some(text)
        );
        assert_eq!(decode_utf16(&little[..3], OtherEncoding::Utf16Le), None);
    }

    #[test]
    fn documents_in_utf16_are_decoded_and_broken_ones_read_as_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("questions.md");
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "# Questions\n\n1. Why?\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        fs::write(&path, &bytes).unwrap();
        let (text, replaced) = read_document(&path).unwrap();
        assert_eq!(
            (text.as_str(), replaced),
            ("# Questions\n\n1. Why?\n", false)
        );
        // An odd number of bytes is no UTF-16: read as UTF-8, bad bytes replaced.
        fs::write(&path, [0xFF, 0xFE, 0x00, 0x41, 0x0A]).unwrap();
        let (text, replaced) = read_document(&path).unwrap();
        assert!(replaced && text.ends_with("A\n"), "{text:?}");
    }

    #[test]
    fn the_byte_order_mark_is_dropped() {
        let text = decode(Path::new("a.ron"), "\u{feff}QuestionPack(".into()).unwrap();
        assert_eq!(text, "QuestionPack(");
    }
}
