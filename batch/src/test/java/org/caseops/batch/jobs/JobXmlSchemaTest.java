package org.caseops.batch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * Every job XML is valid against the Jakarta Batch 2.0 job schema. JBeret runs a job whose XML
 * breaks the schema, but the batch runtime of other servers validates it and refuses to start the
 * job (a step id equal to the job id, for instance, is a duplicate XML ID), so this is checked here
 * rather than found on a server.
 */
class JobXmlSchemaTest {
  @Test
  void everyJobXmlIsValidAgainstTheJobSchema() throws Exception {
    URL xsd = getClass().getClassLoader().getResource("xsd/jobXML_2_0.xsd");
    assertThat(xsd).as("the Jakarta Batch API jar carries the job schema").isNotNull();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Schema schema = factory.newSchema(xsd);

    List<Path> jobs = jobXmls();
    assertThat(jobs)
        .extracting(p -> p.getFileName().toString())
        .contains("index.xml", "estimateStatistics.xml", "addToReviewSet.xml", "applyTags.xml");
    for (Path job : jobs) {
      assertThatCode(() -> schema.newValidator().validate(new StreamSource(job.toFile())))
          .as(job.getFileName().toString())
          .doesNotThrowAnyException();
    }
  }

  private List<Path> jobXmls() throws IOException, URISyntaxException {
    URL index = getClass().getClassLoader().getResource("META-INF/batch-jobs/index.xml");
    assertThat(index).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(index.toURI()).getParent())) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
