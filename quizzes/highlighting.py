"""Splitting an article's text into plain runs and highlighted source sentences."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    # The anchor of a source sentence ("s-120" for the sentence starting at character 120).
    anchor: str = ""


def sentence_segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    position = 0
    for start, end in sorted(set(spans)):
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or stale span: leave that text plain
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], anchor=f"s-{start}"))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments
