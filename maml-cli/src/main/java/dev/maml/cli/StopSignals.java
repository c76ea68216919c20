package dev.maml.cli;

/**
 * Runs a stop action on SIGTERM or SIGINT, so a server stopped by its supervisor (or Ctrl-C) winds
 * down and exits 0 (spec 13: "0 clean stop"). A shutdown hook could not do that: the JVM exits with
 * 143 once a signal started its shutdown. {@code sun.misc.Signal} (module jdk.unsupported) is the only
 * way the JDK offers to catch a signal; where it is missing, a shutdown hook still stops the server
 * cleanly, only the exit code then is the signal's.
 */
final class StopSignals {

    private StopSignals() {
    }

    @SuppressWarnings("restriction")
    static void onTermination(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public synchronized void run() {
                if (!ran) {
                    ran = true;
                    stop.run();
                }
            }
        };
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(once, "maml-serve-stop").start());
            }
        } catch (IllegalArgumentException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(once, "maml-serve-stop"));
        }
    }
}
