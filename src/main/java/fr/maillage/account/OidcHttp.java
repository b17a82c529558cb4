package fr.maillage.account;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How Maillage calls OIDC providers (token and UserInfo endpoints): the JDK's HTTP
 * client, named rather than detected (a Jetty client on the classpath would otherwise be
 * picked), with time limits, so that a provider that hangs does not hold the person's
 * request for ever.
 */
final class OidcHttp {

	private OidcHttp() {
	}

	static ClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		return requests;
	}

}
