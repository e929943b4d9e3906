"""Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format): questions out, and files in as
Moodle writes them and as people write them by hand.

What we write, one question per block, blocks separated by a blank line:

    // newsquiz-type: quote_attribution
    ::q12::[plain]Who said “We will meet again”?{
        =Kim Jong Un
        ~Vladimir Putin
        ####According to the article: “...”
    }

- The comment names our own type, which Moodle ignores and `parse_gift` reads back: quote
  attribution is a multiple choice to Moodle, and a cloze a short answer whose text keeps its blank.
- `[plain]`: our text is plain text, so Moodle shows `<` and `&` as they are, and a prompt that
  starts with `[` is not taken for a format.
- The title is `q<pk>` (a hash of the prompt for a question not stored yet), so Moodle's question
  names stay the same from one export to the next.
- The general feedback is the source sentence, and the explanation when it adds something (the
  generator's explanation quotes the sentence, so it is written alone).
- GIFT has no ordering questions, and a few texts cannot be written so that GIFT reads them back
  (see `writing._cannot_carry`): those questions are skipped and listed in `GiftExport.skipped`.

Reading follows Moodle's own parser (question/format/gift/format.php), a little more leniently
where that costs nothing: true/false in any case, a `$CATEGORY:` line directly above a question.
- Text is read as Moodle shows it: `[html]` and `[moodle]` text (the default) as HTML, tags dropped
  and entities decoded (`a < b` stays); answers and feedback without a marker of their own are in
  their question's format. Our own `[plain]` text is taken as it is.
- Text after the braces makes them a blank (Moodle's "missing word"): a short answer with a blank
  in its text is a cloze. The marker comment, when it fits the answer, restores our type.
- Our questions have exactly one right answer, so choices or typed answers worth part of the marks
  (`%50%`) are refused rather than guessed; a numeric question keeps its one full-marks answer and
  drops the wider part-marks ranges, which only widen the tolerance. Choices are put in an order
  fixed by the prompt: hand-written files put the right one first, as Moodle shuffles them.
- Essays (`{}`) and descriptions (no braces) are refused: they have no answer to check.
- Any bad question makes `parse_gift` raise `GiftError` with every problem and its line (the
  question's first line that is not a comment), so a caller never imports half a file. The general
  feedback becomes the explanation; a GIFT question has no source sentence.
"""

from .reading import GiftError, ParsedQuestion, parse_gift
from .syntax import TYPE_MARKER
from .writing import GiftExport, questions_to_gift

__all__ = [
    "TYPE_MARKER",
    "GiftError",
    "GiftExport",
    "ParsedQuestion",
    "parse_gift",
    "questions_to_gift",
]
