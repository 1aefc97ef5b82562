package netlab.report.html;

import java.util.List;
import netlab.analyzers.StandardAnalyzers;

/**
 * What an HTML report is made from: the analyzers whose results {@code analyze --json} prints (made with
 * their timeline, see {@link StandardAnalyzers#timeline()}), and the inputs they read.
 *
 * @param files    the inputs in order, with their frame counts and error lines
 * @param complete false when a file failed or a signal stopped the run
 */
public record ReportInput(List<FileEntry> files, boolean complete, StandardAnalyzers set) {

    public ReportInput {
        if (set.timeline() == null) {
            throw new IllegalArgumentException("the analyzers were made without their timeline");
        }
    }

    /** One input file: its path, frames read, and its error line or null. */
    public record FileEntry(String path, long frames, String error) {
    }
}
