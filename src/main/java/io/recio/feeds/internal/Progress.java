package io.recio.feeds.internal;

/** Where a long import reports how far it got. */
public interface Progress {

    /** {@code done} of {@code total} units (bytes, pages) are processed. */
    void update(long done, long total);

    /** The work ended (successfully or not). */
    void finish();

    /** Reports nothing (background imports). */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void finish() {
        }
    };
}
