/**
 * People and sign-in: accounts with hashed passwords, roles, login throttling and the web
 * security of the whole application (which assembles every module's route access rules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package fr.maillage.account;
