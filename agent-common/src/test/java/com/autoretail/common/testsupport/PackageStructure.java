package com.autoretail.common.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure every module of the fleet keeps: its packages depend on each other without cycles, and each says in
 * its {@code package-info.java} what it owns. A module's {@code ArchitectureTest} calls {@link #verify} with its root
 * package and adds its own rules on {@link #mainClasses}.
 */
public final class PackageStructure {

    private static final Path SOURCES = Path.of("src", "main", "java");

    private PackageStructure() {
    }

    /** The module's production classes under the root package (the test run's working directory is the module). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Fails on a cycle between the packages below the root, or on a source package without a package-info. */
    public static void verify(String rootPackage) {
        JavaClasses classes = mainClasses(rootPackage);
        assertThat(classes).as("classes under " + rootPackage).isNotEmpty();
        // each package under the root is a slice; the root package is the application's wiring (the application
        // class declaring the beans, the settings record), used by all and using all; a flat module has no slices
        slices().assignedFrom(packagesUnder(rootPackage)).should().beFreeOfCycles().allowEmptyShould(true)
                .check(classes);
        assertThat(undocumentedPackages()).as("source folders without a package-info.java").isEmpty();
    }

    private static SliceAssignment packagesUnder(String rootPackage) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.startsWith(rootPackage + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + rootPackage;
            }
        };
    }

    private static List<Path> undocumentedPackages() {
        try (Stream<Path> folders = Files.walk(SOURCES)) {
            return folders.filter(Files::isDirectory)
                    .filter(PackageStructure::holdsJava)
                    .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsJava(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
