package dev.wasrisc.build;

/**
 * A build step failed. The message names the guest, the pipeline, the stage and the command, and
 * ends with the tail of the tool's output, so a failing test says what to fix without a rerun.
 */
public class BuildException extends RuntimeException {

    private final String guest;
    private final String pipeline;
    private final String stage;
    private final String commandLine;
    private final String outputTail;

    public BuildException(String guest, String pipeline, String stage, String commandLine, String outputTail) {
        this(guest, pipeline, stage, commandLine, outputTail, "command: " + commandLine + "\n"
                + (outputTail.isBlank() ? "(the tool printed nothing)" : outputTail.stripTrailing()));
    }

    /**
     * A step that runs no command failed, such as a rewrite of generated C; {@code reason} says
     * what to fix in place of a tool's output.
     */
    public BuildException(String guest, String pipeline, String stage, String reason) {
        this(guest, pipeline, stage, "", reason, reason.stripTrailing());
    }

    private BuildException(String guest, String pipeline, String stage, String commandLine, String outputTail,
            String detail) {
        super("building " + guest + " with " + pipeline + " failed at stage '" + stage + "'\n" + detail);
        this.guest = guest;
        this.pipeline = pipeline;
        this.stage = stage;
        this.commandLine = commandLine;
        this.outputTail = outputTail;
    }

    public String guest() {
        return guest;
    }

    public String pipeline() {
        return pipeline;
    }

    public String stage() {
        return stage;
    }

    public String commandLine() {
        return commandLine;
    }

    public String outputTail() {
        return outputTail;
    }
}
