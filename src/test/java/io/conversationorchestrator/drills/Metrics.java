package io.conversationorchestrator.drills;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A service's Prometheus metrics ({@code /q/metrics}), read once, summed by name and label. */
final class Metrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String text;

  private Metrics(String text) {
    this.text = text;
  }

  static Metrics of(ServiceProcess service) {
    HttpRequest request =
        HttpRequest.newBuilder(service.url("/q/metrics")).timeout(Duration.ofSeconds(20)).build();
    try {
      return new Metrics(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new IllegalStateException("no metrics from " + service, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The sum of the samples of {@code name} whose labels contain every one of {@code labels} (each
   * written as in the exposition, e.g. {@code to="CLOSED"}).
   */
  double sum(String name, String... labels) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      // With tracing, counters carry an exemplar after the value: `name{...} 7 # {trace_id=...} 1
      // t`
      int exemplar = line.indexOf(" # ");
      String sample = exemplar < 0 ? line : line.substring(0, exemplar);
      int end = sample.lastIndexOf(' ');
      String series = sample.substring(0, end);
      boolean matches = true;
      for (String label : labels) {
        matches &= series.contains(label);
      }
      if (matches) {
        sum += Double.parseDouble(sample.substring(end + 1));
      }
    }
    return sum;
  }
}
