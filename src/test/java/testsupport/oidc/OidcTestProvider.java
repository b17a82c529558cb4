package testsupport.oidc;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on its own Tomcat
 * at {@code http://127.0.0.1:<port>}, with a sign-in form, people whose claims the test
 * sets, and clients registered by the test once it knows the application's address. It
 * behaves as ProConnect does where that matters to a client:
 * <ul>
 * <li>UserInfo answers a JWT signed with the provider's keys ({@code application/jwt}) to
 * the clients registered as {@link Client#signedUserInfo()}, JSON to the others;</li>
 * <li>the address is only in UserInfo, not in the ID token;</li>
 * <li>the ID token's {@code acr} is the first of the {@code acr_values} asked for, unless
 * the person has another ({@link Person#acr()});</li>
 * <li>RP-initiated logout at the {@code end_session_endpoint} with
 * {@code id_token_hint}.</li>
 * </ul>
 * Every request it receives is recorded ({@link #received}). It lives outside
 * {@code fr.maillage} so that no component scan of the application ever picks it up.
 */
public final class OidcTestProvider implements AutoCloseable {

	/** The password of every person at this provider. */
	public static final String PASSWORD = "mot-de-passe-du-fournisseur";

	/**
	 * A person who can sign in here.
	 *
	 * @param username the sign-in name, and the {@code sub} of the tokens
	 * @param email the {@code email} claim; {@code null}: none
	 * @param emailVerified the {@code email_verified} claim; {@code null}: none, as at
	 * ProConnect
	 * @param acr the {@code acr} of the ID token; {@code null}: the one asked for
	 */
	public record Person(String username, String email, Boolean emailVerified, String acr) {
	}

	/**
	 * A client of this provider.
	 *
	 * @param clientId the client id
	 * @param secret its secret
	 * @param signedUserInfo whether UserInfo answers it a signed JWT
	 * @param redirectUri where codes go
	 * @param postLogoutRedirectUri where logout sends the person back
	 * @param scopes the scopes it may ask for
	 */
	public record Client(String clientId, String secret, boolean signedUserInfo, String redirectUri,
			String postLogoutRedirectUri, Set<String> scopes) {
	}

	/** A request the provider received: its path and its parameters (query and form). */
	public record Received(String path, Map<String, List<String>> parameters) {

		public String parameter(String name) {
			List<String> values = this.parameters.get(name);
			return (values != null && !values.isEmpty()) ? values.getFirst() : null;
		}

	}

	private final AnnotationConfigServletWebServerApplicationContext context;

	private OidcTestProvider(AnnotationConfigServletWebServerApplicationContext context) {
		this.context = context;
	}

	public static OidcTestProvider start(List<Person> people) {
		var context = new AnnotationConfigServletWebServerApplicationContext();
		context.registerBean(People.class, () -> new People(people));
		context.register(ProviderConfiguration.class);
		context.refresh();
		return new OidcTestProvider(context);
	}

	/** The issuer, as announced by discovery and in every token. */
	public String issuer() {
		return "http://127.0.0.1:" + this.context.getWebServer().getPort();
	}

	public void register(Client client) {
		this.context.getBean(Clients.class).register(client);
	}

	/** The requests received so far on that path, oldest first. */
	public List<Received> received(String path) {
		return this.context.getBean(Recorder.class).received.stream().filter(r -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The people of the provider, by username. */
	record People(Map<String, Person> byUsername) {

		People(List<Person> people) {
			this(people.stream().collect(java.util.stream.Collectors.toMap(Person::username, person -> person)));
		}

		Person get(String username) {
			return this.byUsername.get(username);
		}

	}

	/** Clients come and go with the tests: the application's port is known late. */
	static final class Clients implements RegisteredClientRepository {

		private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

		private final Map<String, Client> settings = new ConcurrentHashMap<>();

		void register(Client client) {
			RegisteredClient registered = RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientSecret("{noop}" + client.secret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(client.redirectUri())
				.postLogoutRedirectUri(client.postLogoutRedirectUri())
				.scopes(scopes -> scopes.addAll(client.scopes()))
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
			this.byId.put(registered.getId(), registered);
			this.settings.put(client.clientId(), client);
		}

		Client settings(String clientId) {
			return this.settings.get(clientId);
		}

		@Override
		public void save(RegisteredClient registeredClient) {
			this.byId.put(registeredClient.getId(), registeredClient);
		}

		@Override
		public RegisteredClient findById(String id) {
			return this.byId.get(id);
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return this.byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
		}

	}

	/** Notes every request, before security sees it. */
	static final class Recorder extends OncePerRequestFilter {

		final List<Received> received = new CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
			this.received.add(new Received(request.getRequestURI(), parameters));
			chain.doFilter(request, response);
		}

	}

	@EnableWebSecurity
	static class ProviderConfiguration {

		@Bean
		TomcatServletWebServerFactory webServerFactory() {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
			factory.setAddress(InetAddress.getLoopbackAddress());
			// Tomcat runs filters only for a request some servlet serves: without it,
			// every
			// endpoint (all filters) would answer 404.
			factory.setRegisterDefaultServlet(true);
			return factory;
		}

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		FilterRegistrationBean<Recorder> recorderRegistration(Recorder recorder) {
			FilterRegistrationBean<Recorder> registration = new FilterRegistrationBean<>(recorder);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		Clients clients() {
			return new Clients();
		}

		@Bean
		OAuth2AuthorizationService authorizations() {
			return new InMemoryOAuth2AuthorizationService();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			// No issuer set: it is taken from the requests, i.e. http://127.0.0.1:<port>.
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
				.privateKey((RSAPrivateKey) keys.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		UserDetailsService users(People people) {
			return new InMemoryUserDetailsManager(people.byUsername()
				.keySet()
				.stream()
				.map(username -> User.withUsername(username).password("{noop}" + PASSWORD).roles("AGENT").build())
				.toList());
		}

		/**
		 * The acr asked for (or the person's own) in the ID token, as ProConnect does.
		 */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> acr(People people) {
			return context -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				Person person = people.get(context.getPrincipal().getName());
				OAuth2AuthorizationRequest request = context.getAuthorization()
					.getAttribute(OAuth2AuthorizationRequest.class.getName());
				Object asked = (request != null) ? request.getAdditionalParameters().get("acr_values") : null;
				String acr = (person.acr() != null) ? person.acr()
						: (asked != null) ? asked.toString().split(" ")[0] : null;
				if (acr != null) {
					context.getClaims().claim("acr", acr);
				}
			};
		}

		@Bean
		@Order(1)
		SecurityFilterChain endpoints(HttpSecurity http, People people, Clients clients,
				JWKSource<SecurityContext> keys) {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.registeredClientRepository(clients)
					.oidc(oidc -> oidc
						.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> userInfo(context, people))
							.userInfoResponseHandler((request, response, authentication) -> answerUserInfo(response,
									authentication, clients, keys))));
			});
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				.oauth2ResourceServer(resourceServer -> resourceServer
					.jwt(jwt -> jwt.decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		/** The address and its verification are given here only, as at ProConnect. */
		private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context, People people) {
			Person person = people.get(context.getAuthorization().getPrincipalName());
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("sub", person.username());
			if (person.email() != null) {
				claims.put("email", person.email());
			}
			if (person.emailVerified() != null) {
				claims.put("email_verified", person.emailVerified());
			}
			claims.put("given_name", "Prénom");
			claims.put("usual_name", "Nom");
			return new OidcUserInfo(claims);
		}

		private static void answerUserInfo(HttpServletResponse response, Authentication authentication, Clients clients,
				JWKSource<SecurityContext> keys) throws IOException {
			OidcUserInfo userInfo = ((OidcUserInfoAuthenticationToken) authentication).getUserInfo();
			String clientId = ((JwtAuthenticationToken) authentication.getPrincipal()).getToken()
				.getAudience()
				.getFirst();
			if (clients.settings(clientId).signedUserInfo()) {
				Instant now = Instant.now();
				JwtClaimsSet claims = JwtClaimsSet.builder()
					.issuer(AuthorizationServerContextHolder.getContext().getIssuer())
					.audience(List.of(clientId))
					.issuedAt(now)
					.expiresAt(now.plusSeconds(60))
					.claims(all -> all.putAll(userInfo.getClaims()))
					.build();
				String jwt = new NimbusJwtEncoder(keys)
					.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
					.getTokenValue();
				response.setContentType("application/jwt");
				response.getOutputStream().write(jwt.getBytes(StandardCharsets.US_ASCII));
			}
			else {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getOutputStream()
					.write(JSONObjectUtils.toJSONString(userInfo.getClaims()).getBytes(StandardCharsets.UTF_8));
			}
		}

	}

}
