package org.caseops.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseopsConfigTest {

  @Test
  void withNothingSetEverySettingHasItsDefault() {
    CaseopsConfig config = CaseopsConfig.of(Map.of());
    config.check();

    assertThat(config.dataDir()).isEqualTo(Path.of("caseops-data").toAbsolutePath());
    assertThat(config.evidenceRoot()).isEqualTo(config.dataDir().resolve("evidence"));
    assertThat(config.pageSize()).isEqualTo(100);
    assertThat(config.rate(CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CLIENT)).isEqualTo(60);
    assertThat(config.burst(CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CLIENT_BURST)).isEmpty();
    assertThat(config.authIssuer()).isEmpty();
    assertThat(config.authAudiences()).isEmpty();
    assertThat(config.authClockSkewSeconds()).isEqualTo(60);
    assertThat(config.downloadGrantValidity()).isEqualTo(Duration.ofHours(24));
    assertThat(config.exportPartSize()).isEqualTo(4L * 1024 * 1024 * 1024);
    assertThat(config.purgeMaxItems()).isEqualTo(10_000);
    assertThat(config.jobsMax()).isEqualTo(32);
  }

  @Test
  void theMostJobsAtOnceIsAWholeNumberFromOne() {
    assertThat(CaseopsConfig.of(Map.of("caseops.jobs.max", " 5 ")).jobsMax()).isEqualTo(5);
    assertThatThrownBy(() -> CaseopsConfig.of(Map.of("caseops.jobs.max", "0")).jobsMax())
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "caseops.jobs.max (CASEOPS_JOBS_MAX) is '0': expected a whole number of jobs from 1 to"
                + " 10000; unset, it is 32");
    assertThatThrownBy(
            () -> ConfigurationCheck.check(CaseopsConfig.of(Map.of("caseops.jobs.max", "many"))))
        .hasMessageContaining("caseops.jobs.max (CASEOPS_JOBS_MAX) is 'many'");
  }

  @Test
  void thePurgeLimitIsAWholeNumberOfItemsZeroOrMore() {
    assertThat(CaseopsConfig.of(Map.of("caseops.purge.max.items", " 12 ")).purgeMaxItems())
        .isEqualTo(12);
    assertThat(CaseopsConfig.of(Map.of("caseops.purge.max.items", "0")).purgeMaxItems()).isZero();
    assertThat(CaseopsConfig.of(Map.of("caseops.purge.max.items", " ")).purgeMaxItems())
        .isEqualTo(10_000);
    assertThatThrownBy(
            () -> CaseopsConfig.of(Map.of("caseops.purge.max.items", "-3")).purgeMaxItems())
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "caseops.purge.max.items (CASEOPS_PURGE_MAX_ITEMS) is '-3': expected a whole number of"
                + " items, 0 (no purge) or more; unset, it is 10000");
    assertThatThrownBy(
            () -> CaseopsConfig.of(Map.of("caseops.purge.max.items", "many")).purgeMaxItems())
        .hasMessageContaining("'many'");
    assertThatThrownBy(
            () ->
                ConfigurationCheck.check(
                    CaseopsConfig.of(Map.of("caseops.purge.max.items", "1e4"))))
        .hasMessageContaining("caseops.purge.max.items (CASEOPS_PURGE_MAX_ITEMS) is '1e4'");
  }

  @Test
  void holdLinksAreOffUnlessTurnedOnWithTrue() {
    assertThat(CaseopsConfig.of(Map.of()).holdLinks()).isFalse();
    assertThat(CaseopsConfig.of(Map.of("caseops.hold.links", " TRUE ")).holdLinks()).isTrue();
    assertThat(CaseopsConfig.of(Map.of("caseops.hold.links", "false")).holdLinks()).isFalse();
    assertThatThrownBy(
            () -> ConfigurationCheck.check(CaseopsConfig.of(Map.of("caseops.hold.links", "yes"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(
            "caseops.hold.links (CASEOPS_HOLD_LINKS) is 'yes': expected true or false; unset, it is"
                + " false");
  }

  @Test
  void valuesAreTrimmedTypedAndBlankMeansUnset() {
    CaseopsConfig config =
        CaseopsConfig.of(
            Map.of(
                "caseops.data.dir", " /srv/caseops/../caseops ",
                "caseops.evidence.root", "/mnt/evidence",
                "caseops.page.size", " 1000 ",
                "caseops.throttle.reads.per.client.burst", "0",
                "caseops.auth.audience", "api://caseops, ,11111111-2222",
                "caseops.auth.clock.skew.seconds", "   ",
                "caseops.download.grant.hours", "1"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/caseops"));
    assertThat(config.evidenceRoot()).isEqualTo(Path.of("/mnt/evidence"));
    assertThat(config.pageSize()).isEqualTo(1000);
    assertThat(config.burst(CaseopsConfig.THROTTLE_READS_PER_CLIENT_BURST)).hasValue(0);
    assertThat(config.authAudiences()).isEqualTo(Set.of("api://caseops", "11111111-2222"));
    assertThat(config.authClockSkewSeconds()).isEqualTo(60);
    assertThat(config.downloadGrantValidity()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aBadValueNamesTheSettingItsVariableAndTheFormExpected() {
    assertThatThrownBy(() -> CaseopsConfig.of(Map.of("caseops.page.size", "0")).pageSize())
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "caseops.page.size (CASEOPS_PAGE_SIZE) is '0': expected a whole number of items from 1"
                + " to 1000; unset, it is 100");
    assertThatThrownBy(() -> CaseopsConfig.of(Map.of("caseops.page.size", "1001")).pageSize())
        .hasMessageContaining("'1001'");
    assertThatThrownBy(
            () ->
                CaseopsConfig.of(Map.of("caseops.auth.clock.skew.seconds", "601"))
                    .authClockSkewSeconds())
        .hasMessageContaining("CASEOPS_AUTH_CLOCK_SKEW_SECONDS")
        .hasMessageContaining("from 0 to 600");
    assertThatThrownBy(
            () ->
                CaseopsConfig.of(Map.of("caseops.download.grant.hours", "-2"))
                    .downloadGrantValidity())
        .hasMessageContaining("caseops.download.grant.hours (CASEOPS_DOWNLOAD_GRANT_HOURS) is '-2'")
        .hasMessageContaining("1 or more");
    assertThatThrownBy(
            () ->
                CaseopsConfig.of(Map.of("caseops.throttle.submissions.per.case", "3.5"))
                    .rate(CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CASE))
        .hasMessageContaining("a whole number of requests per minute, 0 (off) or more");
    assertThatThrownBy(
            () -> CaseopsConfig.of(Map.of("caseops.export.part.size", "-1")).exportPartSize())
        .hasMessage(
            "caseops.export.part.size (CASEOPS_EXPORT_PART_SIZE) is '-1': expected a whole number"
                + " of bytes, 1 or more (4294967296 is 4 GiB); unset, it is 4294967296");
    assertThatThrownBy(() -> CaseopsConfig.of(Map.of("caseops.data.dir", "bad\0path")).dataDir())
        .hasMessageContaining("caseops.data.dir (CASEOPS_DATA_DIR)")
        .hasMessageContaining("a folder path");
  }

  @Test
  void startUpIsRefusedWithEveryBadSettingNamed() {
    CaseopsConfig config =
        CaseopsConfig.of(
            Map.of(
                "caseops.page.size", "-3",
                "caseops.throttle.reads.per.client", "lots",
                "caseops.auth.issuer", "https://issuer"));

    assertThatThrownBy(() -> ConfigurationCheck.check(config))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("caseops cannot start with this configuration: ")
        .hasMessageContaining("caseops.page.size (CASEOPS_PAGE_SIZE) is '-3'")
        .hasMessageContaining(
            "caseops.throttle.reads.per.client (CASEOPS_THROTTLE_READS_PER_CLIENT) is 'lots'");
  }

  @Test
  void theEnvironmentVariablesAreTheOnesMicroProfileConfigReads() {
    assertThat(CaseopsConfig.ALL)
        .extracting(CaseopsConfig.Setting::environmentName)
        .contains(
            "CASEOPS_DATA_DIR",
            "CASEOPS_EVIDENCE_ROOT",
            "CASEOPS_PAGE_SIZE",
            "CASEOPS_THROTTLE_SUBMISSIONS_PER_CLIENT_BURST",
            "CASEOPS_AUTH_PUBLICKEY_LOCATION",
            "CASEOPS_AUTH_CLOCK_SKEW_SECONDS",
            "CASEOPS_DOWNLOAD_GRANT_HOURS",
            "CASEOPS_PURGE_MAX_ITEMS");
  }

  @Test
  void withoutAMicroProfileRuntimeSystemPropertiesComeBeforeTheEnvironment() {
    String before = System.getProperty("caseops.page.size");
    try {
      System.setProperty("caseops.page.size", "7");
      assertThat(CaseopsConfig.current().pageSize()).isEqualTo(7);
    } finally {
      if (before == null) {
        System.clearProperty("caseops.page.size");
      } else {
        System.setProperty("caseops.page.size", before);
      }
    }
  }

  @Test
  void eachJobGetsItsTuningValuesAsJobParametersWithTheirDefaults() {
    CaseopsConfig config = CaseopsConfig.of(Map.of());

    Properties index = config.jobParameters("index");
    assertThat(index)
        .containsOnly(
            Map.entry("itemCount", "500"),
            Map.entry("chunkSeconds", "120"),
            Map.entry("transactionSeconds", "1800"),
            Map.entry("maxItemBytes", "52428800"),
            Map.entry("textLimit", "10000000"),
            Map.entry("lookaheadBytes", "33554432"),
            Map.entry("extractionThreads", "0"));
    assertThat(config.jobParameters("convertToPdf"))
        .contains(Map.entry("itemCount", "50"), Map.entry("textLimit", "2000000"));
    assertThat(config.jobParameters("applyTags")).containsOnly(Map.entry("batchSize", "1000"));
    // contentExport's part size is the older setting caseops.export.part.size.
    assertThat(config.jobParameters("contentExport"))
        .contains(Map.entry("partSize", "4294967296"), Map.entry("partEntries", "65535"));
    assertThat(config.jobParameters("exportResult"))
        .contains(Map.entry("partSize", "4294967296"), Map.entry("partEntries", "65535"));
    assertThat(config.jobParameters("estimateStatistics")).isEmpty();
  }

  @Test
  void aJobsTuningValueComesFromItsSetting() {
    CaseopsConfig config =
        CaseopsConfig.of(
            Map.of(
                "caseops.job.index.itemCount", " 20 ",
                "caseops.job.holdUpdate.copyThreads", "2",
                "caseops.export.part.size", "1000"));

    assertThat(config.jobParameters("index")).contains(Map.entry("itemCount", "20"));
    assertThat(config.jobParameters("holdUpdate")).contains(Map.entry("copyThreads", "2"));
    // Another job's value of the same name keeps its own default.
    assertThat(config.jobParameters("addToReviewSet")).contains(Map.entry("copyThreads", "4"));
    assertThat(config.jobParameters("contentExport")).contains(Map.entry("partSize", "1000"));
    assertThat(
            CaseopsConfig.JOB_TUNING.stream()
                .map(t -> t.setting().environmentName())
                .filter(n -> n.equals("CASEOPS_JOB_INDEX_ITEMCOUNT")))
        .hasSize(1);
  }

  @Test
  void aBadTuningValueIsRefusedAtStartUpNamingTheSettingAndTheForm() {
    CaseopsConfig config =
        CaseopsConfig.of(
            Map.of(
                "caseops.job.index.itemCount", "0",
                "caseops.job.purgeData.transactionSeconds", "soon",
                "caseops.job.index.extractionThreads", "-1"));

    assertThatThrownBy(() -> ConfigurationCheck.check(config))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(
            "caseops.job.index.itemCount (CASEOPS_JOB_INDEX_ITEMCOUNT) is '0': expected a whole"
                + " number of items per chunk, 1 or more; unset, it is 500")
        .hasMessageContaining(
            "caseops.job.purgeData.transactionSeconds (CASEOPS_JOB_PURGEDATA_TRANSACTIONSECONDS)"
                + " is 'soon'")
        .hasMessageContaining(
            "caseops.job.index.extractionThreads (CASEOPS_JOB_INDEX_EXTRACTIONTHREADS) is '-1'");
    assertThatThrownBy(() -> config.jobParameters("index"))
        .isInstanceOf(InvalidSettingException.class);
    assertThat(
            CaseopsConfig.of(Map.of("caseops.job.index.extractionThreads", "0"))
                .jobParameters("index"))
        .contains(Map.entry("extractionThreads", "0"));
  }

  @Test
  void everySettingIsInTheReadmesTableWithItsVariableAndDefault() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    for (CaseopsConfig.Setting setting : CaseopsConfig.ALL) {
      String row =
          text.lines()
              .filter(l -> l.startsWith("|") && l.contains("| `" + setting.name() + "` |"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(setting.name() + " is not in the README's table"));
      assertThat(row).contains("`" + setting.environmentName() + "`");
      if (setting.defaultValue() != null && !setting.defaultValue().startsWith("<")) {
        assertThat(row).as(setting.name()).contains(setting.defaultValue());
      }
    }
  }
}
