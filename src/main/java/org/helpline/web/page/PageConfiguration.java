package org.helpline.web.page;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pages speak Dutch unless someone chose English with {@code ?lang=en}; the choice is kept in
 * a cookie, so it survives logging out and in again.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

	static final Locale DUTCH = Locale.of("nl");

	private static final Set<String> LANGUAGES = Set.of("nl", "en");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("helpline-lang");
		resolver.setDefaultLocale(DUTCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageChoice()).excludePathPatterns("/api/**");
	}

	/** Only the two languages the pages have: anything else in {@code ?lang=} is ignored. */
	private static final class LanguageChoice implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String language = request.getParameter("lang");
			LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
			if (language != null && LANGUAGES.contains(language) && resolver != null) {
				resolver.setLocale(request, response, Locale.of(language));
			}
			return true;
		}

	}

}
