package netlab.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/design.md, checked on the compiled classes of every module (cli's test classpath holds
 * them all), so a change that breaks one fails the build: cli -> report -> analyzers -> capture, never upward;
 * analyzers compute and render nothing; only the native module touches libpcap and libc, and only the CLI's
 * entry points wire it in. The Maven modules enforce part of it too: capture/core has no Pcap4j or JNA on its
 * classpath at all.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("netlab");
    }

    @Test
    void analyzersRenderNothing() {
        noClasses().that().resideInAPackage("netlab.analyzers..")
                .should().dependOnClassesThat().resideInAnyPackage("netlab.report..", "netlab.cli..",
                        "com.fasterxml.jackson..")
                .because("analyzers return plain results; netlab.report renders them (issue 12)")
                .check(classes);
    }

    @Test
    void captureCallsNothingAbove() {
        noClasses().that().resideInAPackage("netlab.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("netlab.analyzers..", "netlab.report..",
                        "netlab.cli..", "com.fasterxml.jackson..")
                .because("capture is the bottom layer")
                .check(classes);
    }

    @Test
    void reportDoesNotReachTheCli() {
        noClasses().that().resideInAPackage("netlab.report..")
                .should().dependOnClassesThat().resideInAnyPackage("netlab.cli..")
                .because("a second front end (Spark, a web view) uses the report layer without the CLI")
                .check(classes);
    }

    @Test
    void onlyTheNativeModuleTouchesLibpcapAndLibc() {
        noClasses().that().resideOutsideOfPackage("netlab.capture.pcap4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pcap4j..", "com.sun.jna..")
                .because("libpcap and libc sit behind netlab.capture.live.Platform")
                .check(classes);
    }

    @Test
    void pureCaptureDoesNotUseTheNativeImplementation() {
        noClasses().that().resideInAPackage("netlab.capture..").and().resideOutsideOfPackage("netlab.capture.pcap4j..")
                .should().dependOnClassesThat().resideInAPackage("netlab.capture.pcap4j..")
                .because("capture/core compiles without capture/native")
                .check(classes);
    }

    @Test
    void onlyTheEntryPointsWireTheNativePlatform() {
        noClasses().that().resideInAPackage("netlab.cli..").and().resideOutsideOfPackage("netlab.cli")
                .should().dependOnClassesThat().resideInAPackage("netlab.capture.pcap4j..")
                .because("commands, probes and live plumbing get a Platform (netlab.cli.Netlab wires the native one), "
                        + "so they run on a fake one in tests")
                .check(classes);
    }
}
