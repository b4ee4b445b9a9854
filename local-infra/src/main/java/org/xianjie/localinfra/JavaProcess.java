package org.xianjie.localinfra;

import java.io.File;
import java.nio.file.Path;

/** How to start another JVM like this one. */
final class JavaProcess {
    private JavaProcess() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path, which carries Kafka's jars (this module depends on them). Surefire
     * reports the real test class path here even when it boots from a manifest-only jar.
     */
    static String classPath() {
        String cp = System.getProperty("java.class.path");
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank() && !cp.contains("kafka_2.13")) {
            cp = surefire;
        }
        // Absolute entries: the child runs in its own data folder.
        return java.util.Arrays.stream(cp.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }
}
