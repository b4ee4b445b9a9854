package org.xianjie.localinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one-way layer rule of every service, checked on its compiled main classes without starting
 * anything: {@code api -> service -> domain}, {@code service -> persistence},
 * {@code messaging -> service}. Nothing depends on {@code api} or {@code messaging} (they are the
 * edges where requests and records come in); persistence never reaches up to services; the domain
 * depends on no other layer and on no framework. The domain may read its rule data with Jackson
 * (referral-service's statutory tables), so Jackson is not on the framework list.
 */
public final class LayerRules {

    /** Frameworks the domain must not touch (the JDK, javax.crypto included, is fine). */
    static final String[] FRAMEWORKS = {
        "jakarta..",
        "io.quarkus..",
        "io.smallrye..",
        "io.vertx..",
        "org.hibernate..",
        "org.eclipse.microprofile..",
        "org.apache.kafka.."
    };

    private LayerRules() {}

    /**
     * The main classes of the service under {@code basePackage}: read from the module's
     * {@code target/classes} (the test's working directory is the module), which is much faster on
     * a loaded machine than scanning the whole class path.
     */
    public static JavaClasses mainClassesOf(String basePackage) {
        Path classes = Path.of("target", "classes");
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/xianjie/")
                        || location.contains("/" + basePackage.replace('.', '/') + "/"));
        return Files.isDirectory(classes) ? importer.importPath(classes) : importer.importPackages(basePackage);
    }

    /** Every rule of the layering, for a service whose layers are sub-packages of {@code basePackage}. */
    public static List<ArchRule> of(String basePackage) {
        String api = basePackage + ".api..";
        String service = basePackage + ".service..";
        String domain = basePackage + ".domain..";
        String persistence = basePackage + ".persistence..";
        String messaging = basePackage + ".messaging..";
        ArchRule layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy(api)
                .layer("service")
                .definedBy(service)
                .layer("domain")
                .definedBy(domain)
                .layer("persistence")
                .definedBy(persistence)
                .layer("messaging")
                .definedBy(messaging)
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("persistence")
                .mayOnlyBeAccessedByLayers("service", "api")
                .because(
                        "layers point one way: api -> service -> domain, service -> persistence, messaging -> service");
        ArchRule domainStandsAlone = noClasses()
                .that()
                .resideInAPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(api, service, persistence, messaging)
                .because("the domain is the law's rules and words, used by every layer and using none");
        ArchRule domainWithoutFramework = noClasses()
                .that()
                .resideInAPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("domain rules are pure functions, tested without a container");
        return List.of(layers, domainStandsAlone, domainWithoutFramework);
    }

    /** Checks every rule against the service's main classes; fails listing each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = mainClassesOf(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + basePackage);
        }
        for (ArchRule rule : of(basePackage)) {
            rule.check(classes);
        }
    }
}
