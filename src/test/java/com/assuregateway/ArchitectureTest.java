package com.assuregateway;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/**
 * The components' layering (docs/architecture.md), checked on the main classes at every build: a component
 * uses only the components below it, no two components need each other, and within the
 * boundary/control/entity roles nothing points upwards (control never uses a boundary, an entity never uses
 * a control or a boundary), whichever component the other class belongs to.
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.assuregateway.";

    /** The compiled main classes only: scanning the class path's jars for the package took most of the time. */
    static final class MainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(Location.of(Path.of("target", "classes")));
        }
    }

    /** Top to bottom; each may use only those after it. */
    static final String[] LAYERS = {
        "platform", "console", "reporting", "dossiers", "webhooks", "idempotency", "archive", "assure", "sandbox",
        "audit", "security", "problems", "persistence", "settings", "shared"
    };

    @ArchTest
    static final ArchRule no_cycles_between_components = slices().matching("com.assuregateway.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule components_use_only_those_below = layers();

    @ArchTest
    static final ArchRule control_does_not_use_boundary = noClasses().that().resideInAPackage(ROOT + "*.control..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "*.boundary..");

    @ArchTest
    static final ArchRule entities_use_no_control = noClasses().that().resideInAPackage(ROOT + "*.entity..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "*.control..");

    @ArchTest
    static final ArchRule entities_use_no_boundary = noClasses().that().resideInAPackage(ROOT + "*.entity..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "*.boundary..");

    @ArchTest
    static final ArchRule every_class_is_in_a_known_component = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().should().resideInAnyPackage(componentPackages());

    private static ArchRule layers() {
        var architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            architecture = architecture.layer(layer).definedBy(ROOT + layer + "..");
        }
        for (int i = 0; i < LAYERS.length; i++) {
            String[] above = java.util.Arrays.copyOfRange(LAYERS, 0, i);
            architecture = i == 0
                    ? architecture.whereLayer(LAYERS[i]).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(LAYERS[i]).mayOnlyBeAccessedByLayers(above);
        }
        return architecture;
    }

    private static String[] componentPackages() {
        return java.util.Arrays.stream(LAYERS).map(layer -> ROOT + layer + "..").toArray(String[]::new);
    }
}
