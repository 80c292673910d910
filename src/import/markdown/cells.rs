//! The walker's side of GFM tables: the header and each body row become one leaf each, their
//! cells joined in the text and kept apart in `cells`.

use super::{CELL_SEPARATOR, LAST_CELL_SEPARATOR, Walker};

impl Walker {
    /// Writes the separator before a cell when an earlier cell of the row was kept.
    pub(super) fn start_cell(&mut self, line: usize) {
        let open = self.ensure_open(line);
        let separator = (!open.text.is_empty()).then(|| {
            let at = open.text.len();
            open.text.push_str(CELL_SEPARATOR);
            at
        });
        let from = open.text.len();
        if let Some(table) = self.table.as_mut() {
            table.cell = Some((from, separator));
        }
    }

    /// Trims the cell just read, and drops it with its separator when it is empty.
    pub(super) fn end_cell(&mut self) {
        let (Some(open), Some(table)) = (self.open.as_mut(), self.table.as_mut()) else {
            return;
        };
        let Some((from, separator)) = table.cell.take() else {
            return;
        };
        let Some(cell) = open.text.get(from..) else {
            return;
        };
        let kept = cell.trim_end().len();
        let leading = cell.len() - cell.trim_start().len();
        open.cells.push(cell.trim().to_owned());
        if cell.trim().is_empty() {
            let cut = separator.unwrap_or(from);
            // Always a boundary, as both offsets were the text's length; checked so that a
            // mistake here can never panic.
            if open.text.is_char_boundary(cut) {
                open.text.truncate(cut);
            }
            return;
        }
        // Both cuts are where `trim` stopped, so they fall on character boundaries.
        open.text.truncate(from + kept);
        open.text.replace_range(from..from + leading, "");
        if separator.is_some() {
            table.last_separator = separator;
        }
    }

    /// Ends a row: the separator before its last cell becomes [`LAST_CELL_SEPARATOR`].
    pub(super) fn end_row(&mut self) {
        if let (Some(open), Some(table)) = (self.open.as_mut(), self.table.as_mut())
            && let Some(at) = table.last_separator.take()
        {
            let end = at + CELL_SEPARATOR.len();
            if open.text.get(at..end) == Some(CELL_SEPARATOR) {
                open.text.replace_range(at..end, LAST_CELL_SEPARATOR);
            }
        }
        self.flush();
    }
}
