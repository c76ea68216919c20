package dev.maml.model;

/** A half-open span [start, end) of UTF-16 offsets into a document's text. */
public record Range(int start, int end) {

    public Range {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public static Range of(int start, int end) {
        return new Range(start, end);
    }

    public static Range empty(int at) {
        return new Range(at, at);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean encloses(Range other) {
        return other.start >= start && other.end <= end;
    }

    public Range withEnd(int newEnd) {
        return new Range(start, newEnd);
    }
}
