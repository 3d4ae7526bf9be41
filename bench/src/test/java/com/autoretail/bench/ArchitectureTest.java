package com.autoretail.bench;

import com.autoretail.common.testsupport.PackageStructure;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void packagesAreFreeOfCyclesAndEachSaysWhatItOwns() {
        PackageStructure.verify("com.autoretail.bench");
    }
}
