// Generated from openapi.json by scripts/openapi.ts (npm run openapi). Do not edit.

export interface paths {
    "/api/v1/appeals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复申诉 decide an appeal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "upheld" | "rejected";
                        reason: string;
                        value?: number | boolean | (null);
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 综合绩效考核 assessments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                state: string;
                                title: string;
                                year: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 设立年度综合考核 set up an assessment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adjustments?: {
                            bonusCap?: number;
                            deductionCap?: number;
                            items: {
                                cap?: number;
                                code: string;
                                grade?: string;
                                /** @enum {string} */
                                kind: "bonus" | "deduction" | "veto";
                                name: string;
                            }[];
                        };
                        classes?: {
                            code: string;
                            grades?: {
                                bottom: {
                                    name: string;
                                    percent: number;
                                }[];
                                otherwise: string;
                                top: {
                                    name: string;
                                    percent: number;
                                }[];
                            };
                            kinds?: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                            name: string;
                            units?: (string | number)[];
                        }[];
                        components: {
                            /** @enum {string} */
                            aggregate: "mean" | "sum" | "latest";
                            contest: number;
                            conversion: {
                                first: number;
                                last: number;
                                /** @enum {string} */
                                method: "rank-linear";
                            } | {
                                /** @enum {string} */
                                method: "relative-to-best";
                                points: number;
                            } | {
                                /** @enum {string} */
                                method: "total";
                            };
                            weight: number;
                        }[];
                        /**
                         * @default {
                         *       "red": 0,
                         *       "yellow": 0
                         *     }
                         */
                        flagPoints?: {
                            red: number;
                            yellow: number;
                        };
                        /**
                         * @default {
                         *       "top": [
                         *         {
                         *           "name": "优秀",
                         *           "percent": 20
                         *         }
                         *       ],
                         *       "bottom": [
                         *         {
                         *           "name": "较差",
                         *           "percent": 10
                         *         }
                         *       ],
                         *       "otherwise": "良好"
                         *     }
                         */
                        grades?: {
                            bottom: {
                                name: string;
                                percent: number;
                            }[];
                            otherwise: string;
                            top: {
                                name: string;
                                percent: number;
                            }[];
                        };
                        organizer: string | number;
                        participants: (string | number)[] | {
                            kinds: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                            under: string | number;
                        };
                        /** @default 2 */
                        precision?: number;
                        ratings?: {
                            code: string;
                            /** @default 100 */
                            max?: number;
                            name: string;
                            raters: {
                                classes?: string[];
                                user: string;
                            }[];
                            trimFrom?: number;
                            weight: number;
                        }[];
                        title: string;
                        weightTotal?: number;
                        year: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核方案及其版本 a scheme and its versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 加减分及一票否决 adjustments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                createdBy: string | null;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                decisionReason: string | null;
                                evidence: {
                                    name: string;
                                    type: string;
                                } | null;
                                id: number;
                                item: string;
                                itemName: string;
                                /** @enum {string} */
                                kind: "bonus" | "deduction" | "veto";
                                points: number;
                                reason: string;
                                /** @enum {string} */
                                state: "pending" | "approved" | "rejected";
                                unit: string;
                                unitName: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 申报加减分 propose an adjustment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        item: string;
                        /** @default 0 */
                        points?: number;
                        reason: string;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "pending";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/adjustments/{adjustment}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核加减分 approve or reject an adjustment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    adjustment: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approved" | "rejected";
                        reason?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/adjustments/{adjustment}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载加减分佐证材料 download evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    adjustment: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        /** 上传加减分佐证材料（multipart: file）upload evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    adjustment: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: {
                                name: string;
                                type: string;
                            };
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正已发布的考核（留痕，须说明理由）correct a published assessment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adjustments?: {
                            item: string;
                            /** @default 0 */
                            points?: number;
                            reason: string;
                            unit: string | number;
                        }[];
                        reason: string;
                        scheme?: {
                            adjustments?: {
                                bonusCap?: number;
                                deductionCap?: number;
                                items: {
                                    cap?: number;
                                    code: string;
                                    grade?: string;
                                    /** @enum {string} */
                                    kind: "bonus" | "deduction" | "veto";
                                    name: string;
                                }[];
                            };
                            classes?: {
                                code: string;
                                grades?: {
                                    bottom: {
                                        name: string;
                                        percent: number;
                                    }[];
                                    otherwise: string;
                                    top: {
                                        name: string;
                                        percent: number;
                                    }[];
                                };
                                kinds?: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                                name: string;
                                units?: (string | number)[];
                            }[];
                            components: {
                                /** @enum {string} */
                                aggregate: "mean" | "sum" | "latest";
                                contest: number;
                                conversion: {
                                    first: number;
                                    last: number;
                                    /** @enum {string} */
                                    method: "rank-linear";
                                } | {
                                    /** @enum {string} */
                                    method: "relative-to-best";
                                    points: number;
                                } | {
                                    /** @enum {string} */
                                    method: "total";
                                };
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "red": 0,
                             *       "yellow": 0
                             *     }
                             */
                            flagPoints?: {
                                red: number;
                                yellow: number;
                            };
                            /**
                             * @default {
                             *       "top": [
                             *         {
                             *           "name": "优秀",
                             *           "percent": 20
                             *         }
                             *       ],
                             *       "bottom": [
                             *         {
                             *           "name": "较差",
                             *           "percent": 10
                             *         }
                             *       ],
                             *       "otherwise": "良好"
                             *     }
                             */
                            grades?: {
                                bottom: {
                                    name: string;
                                    percent: number;
                                }[];
                                otherwise: string;
                                top: {
                                    name: string;
                                    percent: number;
                                }[];
                            };
                            /** @default 2 */
                            precision?: number;
                            ratings?: {
                                code: string;
                                /** @default 100 */
                                max?: number;
                                name: string;
                                raters: {
                                    classes?: string[];
                                    user: string;
                                }[];
                                trimFrom?: number;
                                weight: number;
                            }[];
                            weightTotal?: number;
                        };
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布考核结果 publish */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的评价表 my rating forms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                class: string;
                                className: string;
                                component: string;
                                max: number;
                                name: string;
                                units: {
                                    code: string;
                                    name: string;
                                    score: number | null;
                                }[];
                            }[];
                            open: boolean;
                            progress: {
                                component: string;
                                count: number;
                                display_name: string;
                                username: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        /** 提交一张评价表（一个评价项目、一个类别）submit a rating form */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        class?: string;
                        component: string;
                        rater?: string;
                        ratings: {
                            score: number;
                            unit: string | number;
                        }[];
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            class: string;
                            component: string;
                            count: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核结果及各单位得分说明 results with explanations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assessment: components["schemas"]["Assessment"];
                            items: components["schemas"]["AssessedUnit"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/results.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核结果工作簿 results workbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{id}/scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改考核方案（发布前，每次一个新版本）revise the scheme before publication */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adjustments?: {
                            bonusCap?: number;
                            deductionCap?: number;
                            items: {
                                cap?: number;
                                code: string;
                                grade?: string;
                                /** @enum {string} */
                                kind: "bonus" | "deduction" | "veto";
                                name: string;
                            }[];
                        };
                        classes?: {
                            code: string;
                            grades?: {
                                bottom: {
                                    name: string;
                                    percent: number;
                                }[];
                                otherwise: string;
                                top: {
                                    name: string;
                                    percent: number;
                                }[];
                            };
                            kinds?: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                            name: string;
                            units?: (string | number)[];
                        }[];
                        components: {
                            /** @enum {string} */
                            aggregate: "mean" | "sum" | "latest";
                            contest: number;
                            conversion: {
                                first: number;
                                last: number;
                                /** @enum {string} */
                                method: "rank-linear";
                            } | {
                                /** @enum {string} */
                                method: "relative-to-best";
                                points: number;
                            } | {
                                /** @enum {string} */
                                method: "total";
                            };
                            weight: number;
                        }[];
                        /**
                         * @default {
                         *       "red": 0,
                         *       "yellow": 0
                         *     }
                         */
                        flagPoints?: {
                            red: number;
                            yellow: number;
                        };
                        /**
                         * @default {
                         *       "top": [
                         *         {
                         *           "name": "优秀",
                         *           "percent": 20
                         *         }
                         *       ],
                         *       "bottom": [
                         *         {
                         *           "name": "较差",
                         *           "percent": 10
                         *         }
                         *       ],
                         *       "otherwise": "良好"
                         *     }
                         */
                        grades?: {
                            bottom: {
                                name: string;
                                percent: number;
                            }[];
                            otherwise: string;
                            top: {
                                name: string;
                                percent: number;
                            }[];
                        };
                        /** @default 2 */
                        precision?: number;
                        ratings?: {
                            code: string;
                            /** @default 100 */
                            max?: number;
                            name: string;
                            raters: {
                                classes?: string[];
                                user: string;
                            }[];
                            trimFrom?: number;
                            weight: number;
                        }[];
                        weightTotal?: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志 the audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    entity?: string;
                    from?: string;
                    kind?: "signin" | "account" | "export" | "data";
                    limit?: number;
                    offset?: number;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEvent"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志（CSV，供测评）export the audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    entity?: string;
                    from?: string;
                    kind?: "signin" | "account" | "export" | "data";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志（XLSX，供测评）export the audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    entity?: string;
                    from?: string;
                    kind?: "signin" | "account" | "export" | "data";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计链 verify the hash chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            eventId?: number | null;
                            lastHash?: string;
                            ok: boolean;
                            reason?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 擂台赛列表（需登录；公众见 /public/contests）contests (signed in) */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    limit?: number;
                    offset?: number;
                    organizer?: string;
                    participant?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ContestSummary"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建擂台赛 create a contest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cadence: "week" | "month" | "quarter" | "year";
                        category: string;
                        description?: string;
                        evaluators?: {
                            [key: string]: string | number;
                        };
                        extraCadences?: ("week" | "month" | "quarter" | "year")[];
                        flagCadences?: ("week" | "month" | "quarter" | "year")[];
                        groups?: {
                            [key: string]: string;
                        } | "kind";
                        isTemplate?: boolean;
                        noticeDays?: number;
                        organizer: string | number;
                        participants: (string | number)[] | {
                            kinds: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                            under: string | number;
                        };
                        title: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 擂台赛（需登录；公众见 /public/contests/:id）a contest (signed in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contest"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改擂台赛 update a contest */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category?: string;
                        description?: string;
                        evaluators?: {
                            [key: string]: string | number;
                        };
                        extraCadences?: ("week" | "month" | "quarter" | "year")[];
                        flagCadences?: ("week" | "month" | "quarter" | "year")[];
                        groups?: {
                            [key: string]: string;
                        } | "kind";
                        noticeDays?: number;
                        participants?: (string | number)[] | {
                            kinds: ("province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other")[];
                            under: string | number;
                        };
                        title?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contest"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contests/{id}/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 指标取自各镇村级擂台（红旗村占比、村平均分）feed indicators from village contests */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: {
                            /** @enum {string} */
                            measure: "red_share" | "mean_total";
                            template: number;
                        };
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feeds: {
                                [key: string]: {
                                    /** @enum {string} */
                                    measure: "red_share" | "mean_total";
                                    template: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按县级模板开展本级擂台赛（三级联动）run a template among my villages */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organizer: string | number;
                        participants?: (string | number)[] | {
                            kinds: string[];
                            under: string | number;
                        };
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contest"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/linkage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各镇村级擂台并列对比与全县村排名 towns side by side, county-wide village ranking */
        get: {
            parameters: {
                query: {
                    period: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            periodLabel: string;
                            template: {
                                id: number;
                                title: string;
                            };
                            towns: {
                                best: {
                                    code: string;
                                    name: string;
                                    total: number;
                                } | null;
                                contestId: number | null;
                                meanTotal: number | null;
                                participants: number;
                                red: number;
                                round: {
                                    id: number;
                                    revision: number;
                                    /** @enum {string} */
                                    state: "draft" | "collecting" | "reviewing" | "notice" | "published";
                                } | null;
                                started: boolean;
                                town: {
                                    code: string;
                                    name: string;
                                };
                                yellow: number;
                            }[];
                            villages: {
                                code: string;
                                countyRank: number;
                                flag: string | null;
                                name: string;
                                total: number;
                                town: string;
                                townRank: number;
                                vetoed: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开擂（新的一期）open a round */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline?: string;
                        /** @enum {string} */
                        derive?: "mean" | "flags";
                        period: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Round"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/rubrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 保存评分标准草稿 draft a rubric version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rubric?: {
                            [key: string]: unknown;
                        };
                        yaml?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RubricVersion"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/rubrics/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评分标准（已发布的公开）a rubric version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RubricVersion"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{id}/rubrics/{version}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布评分标准（此后冻结）publish a rubric version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RubricVersion"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本月概览（领导、组织单位）：填报进度、逾期、红黄旗、考核、申诉、整改 the county this month */
        get: {
            parameters: {
                query?: {
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appeals: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                filedAt: string;
                                id: number;
                                indicator: string;
                                round: {
                                    id: number;
                                    periodLabel: string;
                                };
                                unit: string;
                            }[];
                            assessment: {
                                grades: {
                                    [key: string]: number;
                                };
                                id: number;
                                state: string;
                                title: string;
                                top: {
                                    className: string;
                                    code: string;
                                    grade: string;
                                    name: string;
                                    rank: number;
                                    total: number;
                                }[];
                                units: number;
                                year: number;
                            } | null;
                            flags: {
                                color: string;
                                contest: string;
                                periodLabel: string;
                                unit: string;
                            }[];
                            overdue: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                days: number;
                                round: {
                                    id: number;
                                    periodLabel: string;
                                };
                                unit: {
                                    code: string;
                                    id: number;
                                    name: string;
                                };
                            }[];
                            period: string;
                            periodLabel: string;
                            progress: {
                                contest: {
                                    category: string;
                                    id: number;
                                    title: string;
                                };
                                red: number;
                                reported: number;
                                round: {
                                    deadline: string | null;
                                    id: number;
                                    overdue: boolean;
                                    period: string;
                                    periodLabel: string;
                                    state: string;
                                    stateName: string;
                                };
                                series: {
                                    id: number;
                                    title: string;
                                } | null;
                                units: number;
                                yellow: number;
                            }[];
                            rectifications: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                deadline: string;
                                id: number;
                                overdue: boolean;
                                periodLabel: string;
                                stateName: string;
                                unit: string;
                            }[];
                            totals: {
                                contests: number;
                                openAppeals: number;
                                openRectifications: number;
                                overdueRectifications: number;
                                overdueUnits: number;
                                red: number;
                                reported: number;
                                units: number;
                                yellow: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载佐证材料 download evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 红旗黄旗统计（公开）flag tallies (public) */
        get: {
            parameters: {
                query?: {
                    contest?: number;
                    period?: string;
                    series?: number;
                    unit?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FlagTally"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 健康检查 health
         * @description 数据库可用时答 200；并报告变更通知连接、各只读副本的延迟和文件存储 (the database answers; the change feed, each replica and the file store as this server sees them — no query beyond `select 1`)
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeFeed: {
                                lastEventAgeSeconds: number | null;
                                listeningForSeconds: number | null;
                                reconnects: number;
                                /** @enum {string} */
                                state: "listening" | "reconnecting" | "off";
                            };
                            /** @enum {string} */
                            database: "sqlite" | "postgres";
                            /** @enum {string} */
                            files: "disk" | "postgres" | "s3";
                            replicas: {
                                lagBytes: number | null;
                                lagSeconds: number | null;
                                lastReplayAgeSeconds: number | null;
                                name: string;
                                /** @enum {string} */
                                state: "in-use" | "lagging" | "down" | "promoted";
                            }[];
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 农户名册 a village’s households with their latest rating */
        get: {
            parameters: {
                query: {
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                barredUntil: string | null;
                                groupName: string | null;
                                headName: string;
                                id: number;
                                latest: components["schemas"]["Claim"] | null;
                                size: number | null;
                                unitId: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记农户 register a household */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        groupName?: string | null;
                        headName: string;
                        size?: number | null;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Household"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 农户评星记录 a household’s claims and steps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                awarded: number;
                                createdAt: string;
                                householdId: number;
                                id: number;
                                may: {
                                    next: boolean;
                                };
                                results: {
                                    [key: string]: "pass" | "fail";
                                } | null;
                                /** @enum {string} */
                                stage: "claimed" | "reviewed" | "checked" | "filed" | "rejected" | "revoked";
                                stars: number[];
                                steps: components["schemas"]["ClaimStep"][];
                                updatedAt: string;
                                year: number;
                            }[];
                            household: components["schemas"]["Household"];
                            may: {
                                claim: boolean;
                                file: boolean;
                            };
                            stars: components["schemas"]["Star"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销星级（两年内不得申报）revoke; barred for two years */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: components["schemas"]["Claim"];
                            household: components["schemas"]["Household"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/{id}/stars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申报星级 claim stars for a year */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        stars: number[];
                        year: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 村民评议/村委会审核/乡镇备案 the next step of a claim */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        results: {
                            [key: string]: "pass" | "fail";
                        };
                        /** @enum {string} */
                        step: "villagers" | "committee" | "filing";
                        year: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/{id}/yearly-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 年度复核 the town re-checks last year’s stars */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        results: {
                            [key: string]: "pass" | "fail";
                        };
                        year: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/households/stars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评星标准 the stars that apply to a unit */
        get: {
            parameters: {
                query: {
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Star"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增星及评星标准 add a star */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        criteria: string;
                        name: string;
                        organizer: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Star"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传服务日志照片（multipart: file）upload a photo */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            sha256: string;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 月末亮灯 take the month-end snapshot of lights */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        month: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            green: number;
                            month: string;
                            red: number;
                            yellow: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全县汇总（分单位、分类别亮灯）the county summary of a month */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            byKind: {
                                green: number;
                                key: string;
                                name: string;
                                openProblems: number;
                                overdueProblems: number;
                                projects: number;
                                rate: number | null;
                                red: number;
                                yearPlanned: number;
                                yellow: number;
                                ytdCompleted: number;
                                ytdPlanned: number;
                            }[];
                            byUnit: {
                                green: number;
                                key: string;
                                name: string;
                                openProblems: number;
                                overdueProblems: number;
                                projects: number;
                                rate: number | null;
                                red: number;
                                yearPlanned: number;
                                yellow: number;
                                ytdCompleted: number;
                                ytdPlanned: number;
                            }[];
                            month: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/month": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的本月：要填报、评分、答复、整改的事项 everything I must fill, score or decide this month */
        get: {
            parameters: {
                query?: {
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advance: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                round: {
                                    deadline: string | null;
                                    id: number;
                                    periodLabel: string;
                                    state: string;
                                    stateName: string;
                                };
                            }[];
                            appeals: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                filedAt: string;
                                id: number;
                                indicator: string;
                                reason: string;
                                round: {
                                    id: number;
                                    periodLabel: string;
                                };
                                unit: {
                                    id: number;
                                    name: string;
                                };
                            }[];
                            fill: {
                                cells: number;
                                contest: {
                                    category: string;
                                    id: number;
                                    title: string;
                                };
                                filled: number;
                                indicators: string[];
                                round: {
                                    carriedOver: boolean;
                                    deadline: string | null;
                                    id: number;
                                    overdue: boolean;
                                    period: string;
                                    periodLabel: string;
                                    state: string;
                                    stateName: string;
                                };
                                /** @enum {string} */
                                task: "report" | "score";
                                units: number;
                            }[];
                            open: number;
                            period: string;
                            periodLabel: string;
                            rectifications: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                deadline: string;
                                id: number;
                                overdue: boolean;
                                periodLabel: string;
                                state: string;
                                stateName: string;
                                /** @enum {string} */
                                task: "submit" | "signoff";
                                unit: {
                                    code: string;
                                    id: number;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/month.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本月合并填报表（每个擂台赛一张工作表）the month workbook, a sheet per contest */
        get: {
            parameters: {
                query?: {
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/month/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入本月合并填报表（multipart: file；所有工作表整体成功或整体拒绝）import the month workbook, all sheets or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sheets: {
                                cells: number;
                                cleared: number;
                                contest: string;
                                roundId: number;
                                rows: number;
                                sheet: string;
                                unchanged: number;
                                written: number;
                            }[];
                            written: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知 my notifications (newest first; unread=true for unread only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    unread?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notification"][];
                            total: number;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标为已读 mark a notification read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标为已读 mark all read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            read: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位在各擂台赛的名次 my unit across contests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contest: {
                                    /** @enum {string} */
                                    cadence: "week" | "month" | "quarter" | "year";
                                    category: string;
                                    id: number;
                                    title: string;
                                };
                                history: {
                                    flag: string | null;
                                    period: string;
                                    rank: number;
                                    total: number;
                                }[];
                                latest: {
                                    flag: string | null;
                                    group: string;
                                    period: string;
                                    periodLabel: string;
                                    rank: number;
                                    rankChange: number | null;
                                    roundId: number;
                                    total: number;
                                } | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 等我处理的期次 rounds waiting for me */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contest: components["schemas"]["ContestRef"];
                                indicators: string[];
                                pendingAppeals: number;
                                round: {
                                    deadline: string | null;
                                    id: number;
                                    period: string;
                                    periodLabel: string;
                                    /** @enum {string} */
                                    state: "draft" | "collecting" | "reviewing" | "notice" | "published";
                                    stateName: string;
                                };
                                /** @enum {string} */
                                task: "report" | "score" | "appeals" | "advance";
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两步验证状态 my second factor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            recoveryCodesLeft: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 开始绑定动态口令（密钥、otpauth 链接、二维码）start TOTP enrolment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qrDataUrl: string;
                            secret: string;
                            uri: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 用验证码确认绑定，返回一次性恢复码 confirm with a code; recovery codes once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 节点完成 record a milestone */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actual?: string | null;
                        planned?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/points/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党支部 branches I may see */
        get: {
            parameters: {
                query?: {
                    under?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Branch"][];
                    };
                };
            };
        };
        put?: never;
        /** 建立党支部 create a branch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BranchBrief"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/branches/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指定记录员/审核人 name a clerk or secretary */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "recorder" | "reviewer";
                        user: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            branch: number;
                            /** @enum {string} */
                            role: "recorder" | "reviewer";
                            user: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/branches/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员名册 members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"][];
                    };
                };
            };
        };
        put?: never;
        /** 登记党员 add a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthYear: number;
                        /** @enum {string} */
                        gender: "男" | "女";
                        /** Format: date */
                        joinedOn: string;
                        name: string;
                        /** Format: date */
                        transferredInOn?: string | null;
                        user?: string | null;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/branches/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待审核积分 review queue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QueueItem"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/branches/{id}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 适用的积分细则 rules that apply */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rule"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/class-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 季度评定规则 the class rule that applies to a unit */
        get: {
            parameters: {
                query: {
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClassRule"];
                    };
                };
            };
        };
        /** 设定季度评定规则（先锋/合格/待提升）set the quarter classes */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        improveBelow: number;
                        /** @enum {string} */
                        mode: "thresholds";
                        organizer: string | number;
                        vanguardAtLeast: number;
                    } | {
                        improveShare: number;
                        /** @enum {string} */
                        mode: "quotas";
                        organizer: string | number;
                        vanguardShare: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClassRule"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/disputes/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复申诉 answer a dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answer: string;
                        /** @enum {string} */
                        decision: "upheld" | "dismissed";
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 积分排行 leaderboard */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    period: string;
                    scope: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            rows: {
                                awarded: number;
                                branchId: number;
                                branchName: string;
                                deducted: number;
                                memberId: number;
                                name: string;
                                pointsClass: components["schemas"]["PointsClass"] | null;
                                rank: number;
                                total: number;
                            }[];
                            scope: components["schemas"]["UnitBrief"];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 积分超市物品及库存 a village’s market */
        get: {
            parameters: {
                query: {
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MarketItem"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/market/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上架物品 add an item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cost: number;
                        name: string;
                        stock: number;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarketItem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/market/items/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 补货或核减库存 change the stock */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        add: number;
                        note?: string | null;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarketItem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/market/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 积分兑换 redeem (lowers the balance, never the ranking points) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        item: number;
                        member: number;
                        /** @default 1 */
                        quantity?: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            redemption: components["schemas"]["Redemption"];
                            stock: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/members/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可用积分及兑换记录 a member’s balance and redemptions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            earned: number;
                            memberId: number;
                            redemptions: components["schemas"]["Redemption"][];
                            spent: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/members/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员积分明细 a member’s statement */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            branch: components["schemas"]["BranchBrief"];
                            lines: components["schemas"]["StatementLine"][];
                            may: {
                                dispute: boolean;
                            };
                            member: components["schemas"]["Member"];
                            total: number;
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/members/{id}/transfer-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 党员转出 transfer out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        on: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/quarters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 季度公示/冻结 put a quarter on notice or freeze it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organizer: string | number;
                        quarter: string;
                        /** @enum {string} */
                        state: "notice" | "frozen";
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizer: number;
                            quarter: string;
                            /** @enum {string} */
                            state: "notice" | "frozen";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录积分 record points */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        member: number;
                        note?: string | null;
                        /** Format: date */
                        occurredOn: string;
                        rule: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsRecord"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/records/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 积分申诉 dispute a record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/records/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载积分佐证 download a record’s evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        /** 上传积分佐证（multipart: file）upload a record’s evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            recordId: number;
                            sha256: string;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/records/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核积分 review a record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        note?: string | null;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsRecord"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增积分细则 add a rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: string;
                        /** @default null */
                        categoryCap?: number | null;
                        item: string;
                        /** @default null */
                        itemCap?: number | null;
                        organizer: string | number;
                        points: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rule"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practice-images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传经验做法图片（multipart: file）upload an image */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            id: number;
                            size: number;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经验做法（含草稿）practices of a contest, drafts included */
        get: {
            parameters: {
                query?: {
                    contest?: number;
                    limit?: number;
                    offset?: number;
                    round?: number;
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bodyHtml: string;
                                contestId: number;
                                createdAt: string;
                                id: number;
                                publishedAt: string | null;
                                roundId: number | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                summary: string | null;
                                title: string;
                                unit: components["schemas"]["UnitName"];
                                unitId: number;
                                updatedAt: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 撰写经验做法 write up a practice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bodyHtml: string;
                        contest: number;
                        round?: number | null;
                        summary?: string;
                        title: string;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedPractice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改经验做法 edit a practice */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bodyHtml?: string;
                        round?: number | null;
                        summary?: string;
                        title?: string;
                        unit?: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedPractice"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/practices/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公开展示 publish a practice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedPractice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practices/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回 withdraw a practice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedPractice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问题清单（督办）problems */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    open?: "0" | "1" | "true" | "false";
                    overdue?: "0" | "1" | "true" | "false";
                    owner?: string;
                    project?: string;
                    state?: "raised" | "assigned" | "reminded" | "escalated" | "replied" | "confirmed" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closedOn: string | null;
                                closedOnTime: boolean | null;
                                daysOverdue: number;
                                deadline: string | null;
                                detail: string | null;
                                id: number;
                                overdue: boolean;
                                owner: {
                                    code: string;
                                    name?: string | null;
                                } | null;
                                ownerUnitId: number | null;
                                project?: {
                                    code: string;
                                    name?: string;
                                    unit?: string;
                                };
                                projectId: number;
                                raisedOn: string;
                                reply: string | null;
                                /** @enum {string} */
                                state: "raised" | "assigned" | "reminded" | "escalated" | "replied" | "confirmed" | "closed";
                                stateName: string;
                                steps: {
                                    action: string;
                                    at: string;
                                    by: string;
                                    note: string | null;
                                }[];
                                title: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 交办/提醒/督办/答复/确认/销号 a step of the loop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "assign" | "remind" | "escalate" | "reply" | "confirm" | "close";
                        deadline?: string;
                        note?: string;
                        ownerUnit?: string | number;
                        reply?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerProblem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目台账 the ledger (?kind=&unit=&light=&state=) */
        get: {
            parameters: {
                query?: {
                    kind?: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
                    light?: "red" | "yellow" | "green";
                    limit?: number;
                    offset?: number;
                    q?: string;
                    state?: "planning" | "reserve" | "active" | "completed" | "retired" | "withdrawn" | "suspended";
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectSummary"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 录入项目 add a project */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        description?: string;
                        industry?: string;
                        /** @enum {string} */
                        kind: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
                        location?: string;
                        name: string;
                        owner?: string;
                        startYear: number;
                        /**
                         * @default planning
                         * @enum {string}
                         */
                        state?: "planning" | "reserve" | "active";
                        supplementReason?: string;
                        taskforce?: number | null;
                        totalInvestment: number;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目详情 a project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改项目（灯不可填）change a project */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        industry?: string;
                        /** @enum {string} */
                        kind?: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
                        light?: unknown;
                        location?: string;
                        name?: string;
                        owner?: string;
                        published?: boolean;
                        publishInvestment?: boolean;
                        startYear?: number;
                        state?: unknown;
                        taskforce?: number | null;
                        totalInvestment?: number;
                        unit?: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/investments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 月度投资（计划/完成）monthly investment */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        completed?: number;
                        confirm?: boolean;
                        month: string;
                        planned?: number;
                    }[];
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 服务日志 service log */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        /** @enum {string} */
                        kind: "daily" | "onsite" | "review";
                        /** @default [] */
                        photos?: string[];
                        text: string;
                        who: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            id: number;
                            kind: string;
                            photos: string[];
                            text: string;
                            who: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 节点计划 add a milestone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actual?: string | null;
                        /** @enum {string} */
                        kind: "start" | "registered" | "finished" | "production" | "custom";
                        name?: string;
                        planned: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提出问题 raise a problem */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline?: string;
                        detail?: string;
                        ownerUnit?: string | number;
                        title: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerProblem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出入库 move through the library */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** @enum {string} */
                        to: "planning" | "reserve" | "active" | "completed" | "retired" | "withdrawn" | "suspended";
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出台账 export the ledger (re-importable) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入台账（multipart: file，.xlsx，≤10 MB；整表成功或整表拒绝）import a ledger workbook, all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            investments: number;
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/report.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度调度通报（Word）the monthly brief */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度调度报表（分单位、亮灯、汇总）the monthly report workbook */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/contests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布的擂台赛 published contests */
        get: {
            parameters: {
                query?: {
                    category?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                cadence: "week" | "month" | "quarter" | "year";
                                category: string;
                                id: number;
                                latestRound: {
                                    id: number;
                                    period: string;
                                    periodLabel: string;
                                    publishedAt: string | null;
                                };
                                organizer: components["schemas"]["UnitName"];
                                rounds: number;
                                title: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description No Content */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/contests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 擂台赛及其已发布的评分标准和期次 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            cadence: "week" | "month" | "quarter" | "year";
                            category: string;
                            description: string | null;
                            id: number;
                            organizer: components["schemas"]["UnitName"];
                            participants: {
                                code: string;
                                group: string;
                                name: string;
                            }[];
                            rounds: {
                                id: number;
                                period: string;
                                periodLabel: string;
                                publishedAt: string | null;
                                revision: number;
                            }[];
                            rubric: components["schemas"]["Rubric"];
                            rubricVersions: {
                                publishedAt: string | null;
                                version: number;
                            }[];
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/contests/{id}/rubrics/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布的评分标准 a published rubric */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contestId: number;
                            publishedAt: string | null;
                            rubric: components["schemas"]["Rubric"];
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 红旗榜 flag tallies */
        get: {
            parameters: {
                query?: {
                    contest?: number;
                    period?: string;
                    series?: number;
                    unit?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FlagTally"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经验做法图片 an image of a practice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示中的期次及初步结果 rounds in notice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicNotice"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/points/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开积分排行（姓名脱敏）public leaderboard, masked names */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    period: string;
                    scope: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            rows: {
                                branch: string;
                                name: string;
                                pointsClass: components["schemas"]["PointsClass"] | null;
                                rank: number;
                                total: number;
                            }[];
                            scope: {
                                code: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/practices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经验做法 published practices */
        get: {
            parameters: {
                query?: {
                    contest?: number;
                    limit?: number;
                    offset?: number;
                    round?: number;
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicPracticeSummary"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/practices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经验做法全文 a published practice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bodyHtml: string;
                            contest: {
                                id: number;
                                title: string;
                            };
                            id: number;
                            period: string | null;
                            periodLabel: string | null;
                            publishedAt: string | null;
                            roundId: number | null;
                            summary: string | null;
                            title: string;
                            unit: components["schemas"]["UnitName"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开的重点项目（组织者选择公开的）published projects */
        get: {
            parameters: {
                query?: {
                    kind?: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                industry: string | null;
                                investment: {
                                    sinceStartCompleted: number;
                                    total: number;
                                    year: number;
                                    yearPlanned: number;
                                    ytdCompleted: number;
                                    ytdRate: number | null;
                                } | null;
                                kind: string;
                                kindName: string;
                                location: string | null;
                                name: string;
                                startYear: number;
                                stateName: string;
                                unit: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布期次的排名（带 ETag）a published round */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UnitResult"][];
                            practices: {
                                id: number;
                                summary: string | null;
                                title: string;
                                unit: components["schemas"]["UnitName"];
                            }[];
                            revisions: {
                                publishedAt: string | null;
                                reason: string | null;
                                revision: number;
                            }[];
                            round: {
                                contest: components["schemas"]["ContestRef"];
                                id: number;
                                period: string;
                                periodLabel: string;
                                publishedAt: string | null;
                                revision: number;
                                rubric: components["schemas"]["Rubric"];
                            };
                            total: number;
                        };
                    };
                };
                /** @description No Content */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/units/{code}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位历次成绩 a unit across published rounds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contest: {
                                    id: number;
                                    title: string;
                                };
                                flag: string | null;
                                period: string;
                                periodLabel: string;
                                rank: number;
                                rankChange: number | null;
                                roundId: number;
                                total: number;
                            }[];
                            unit: {
                                code: string;
                                /** @enum {string} */
                                kind: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发布版本号（大屏轮询）changes when a round is published or corrected */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 整改（黄旗后的表态、措施、销号、约谈）rectifications */
        get: {
            parameters: {
                query?: {
                    contest?: number;
                    overdue?: "1" | "true";
                    state?: "open" | "submitted" | "signed_off";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Rectification"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 为黄旗单位发起整改 open a rectification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        deadline?: string;
                        round: number;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rectification"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交表态与措施、销号、退回、记录约谈 act on a rectification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "submit";
                        commitment: string;
                        measures: string;
                    } | {
                        /** @enum {string} */
                        action: "approve";
                        note?: string;
                    } | {
                        /** @enum {string} */
                        action: "return";
                        reason: string;
                    } | {
                        /** @enum {string} */
                        action: "interview";
                        /** Format: date */
                        date: string;
                        note: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rectification"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一期擂台 a round */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Round"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申诉 appeals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Appeal"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 公示期内申诉 file an appeal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicator: string;
                        reason: string;
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/bulletin.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通报（Word）；公示期为征求意见稿 the bulletin as .docx */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正已发布的期次 correct a published round */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: {
                            indicator: string;
                            note?: string | null;
                            unit: string | number;
                            value: number | boolean | (null) | string;
                            version?: number;
                        }[];
                        reason: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: components["schemas"]["UnitChange"][];
                            reason: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 填报数据 entries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            editable: {
                                indicators: string[];
                                recused?: {
                                    indicators: string[];
                                    units: string[];
                                };
                                units: string[] | "all";
                            };
                            evidence: components["schemas"]["Evidence"][];
                            items: components["schemas"]["Entry"][];
                            total: number;
                            verifications: components["schemas"]["Verification"][];
                        };
                    };
                };
            };
        };
        /** 批量保存填报（整批成功或整批拒绝）save entries, all or nothing */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicator: string;
                        note?: string | null;
                        unit: string | number;
                        value: number | boolean | (null) | string;
                        version?: number;
                    }[];
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            saved: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传佐证材料（multipart: unit, indicator, file）upload evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            entryId: number;
                            filename: string;
                            id: number;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入填报表（multipart: file，.xlsx 或 .csv，≤10 MB；整表成功或整表拒绝；空白=不修改，「清空」=删除）import a filled sheet, all or nothing; empty = unchanged, 清空 = clear */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cells: number;
                            cleared: number;
                            roundId: number;
                            rows: number;
                            unchanged: number;
                            written: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 成绩与排名 results */
        get: {
            parameters: {
                query?: {
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Results"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 成绩 CSV（DESIGN §4 列）results as CSV */
        get: {
            parameters: {
                query?: {
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/results.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 成绩排名工作簿 results workbook */
        get: {
            parameters: {
                query?: {
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发布与更正记录 publication and corrections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                changes: components["schemas"]["UnitChange"][] | null;
                                createdBy: number | null;
                                publishedAt: string;
                                reason: string | null;
                                revision: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载填报模板（本人可填的单位×指标）download the fill-in template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 推进或退回期次状态 move a round on (or back) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** @enum {string} */
                        to: "draft" | "collecting" | "reviewing" | "notice" | "published";
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Round"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录核查（日常考核、四不两直）record a verification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        finding: string;
                        indicator: string;
                        /** @enum {string} */
                        kind: "daily" | "field_check";
                        unit: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkedOn: string;
                            entryId: number;
                            finding: string;
                            id: number;
                            /** @enum {string} */
                            kind: "daily" | "field_check";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 密码策略 the password policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiryDays: number | null;
                            historySize: number;
                            minClasses: number;
                            minLength: number;
                        };
                    };
                };
            };
        };
        /** 设置密码策略（安全管理员）set the password policy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expiryDays: number | null;
                        historySize: number;
                        minClasses: number;
                        minLength: number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiryDays: number | null;
                            historySize: number;
                            minClasses: number;
                            minLength: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 擂台赛系列 series */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SeriesSummary"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建系列 create a series */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contests: number[];
                        copyTo?: string;
                        docPrefix: string;
                        office: string;
                        organizer: string | number;
                        printedBy?: string;
                        title: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Series"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 系列及其本期期次、红黄旗统计（本期、全年）a series with its period and tallies */
        get: {
            parameters: {
                query?: {
                    period?: string;
                    year?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Series"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{id}/bulletin.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 系列通报（Word，GB/T 9704）the series bulletin */
        get: {
            parameters: {
                query: {
                    period: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{id}/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 一键开擂：系列各擂台赛本期开擂（全部成功或全部不做；dryRun 预览） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        deadline?: string;
                        dryRun?: boolean;
                        period: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SeriesStep"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 一键推进：系列本期各期次转到同一状态（全部成功或全部不做；dryRun 预览） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dryRun?: boolean;
                        period: string;
                        reason?: string;
                        /** @enum {string} */
                        to: "draft" | "collecting" | "reviewing" | "notice" | "published";
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SeriesStep"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{id}/workbook.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 系列成绩工作簿（每赛一表）the series workbook */
        get: {
            parameters: {
                query: {
                    period: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 who am I */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
            };
        };
        put?: never;
        /** 登录 sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        totp?: string;
                        username: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
            };
        };
        /** 退出登录 sign out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 change my password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current: string;
                        next: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taskforces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 专班 task forces */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                department: {
                                    code: string;
                                    name: string | null;
                                } | null;
                                head: string;
                                id: number;
                                leaderPost: string;
                                members: string[];
                                name: string;
                                projects: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 组建专班 set up a task force */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        department?: (string | number) | null;
                        head: string;
                        leaderPost: string;
                        /** @default [] */
                        members?: string[];
                        name: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Taskforce"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下级单位、根单位或搜索（公开）children, roots or search (public) */
        get: {
            parameters: {
                query?: {
                    kind?: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
                    limit?: number;
                    offset?: number;
                    parent?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Unit"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建单位 create a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
                        name: string;
                        parent?: (string | number) | null;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位及其路径（公开）a unit with its path (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 改名、移动、停用 rename, move, deactivate */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** @enum {string} */
                        kind?: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
                        name?: string;
                        parent?: (string | number) | null;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位及下级的用户 users of my subtree */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    q?: string;
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                createdAt: string;
                                displayName: string;
                                id: number;
                                may: {
                                    edit: boolean;
                                    grant: boolean;
                                    resetPassword: boolean;
                                    resetTotp: boolean;
                                    tokens: boolean;
                                };
                                roles: ("admin" | "organizer" | "evaluator" | "reporter" | "viewer" | "secadmin" | "auditor")[];
                                unit?: components["schemas"]["UnitBrief"];
                                unitId: number;
                                username: string;
                            }[];
                            may: {
                                create: boolean;
                                security: boolean;
                            };
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建用户（未给密码时生成一次性随机密码）create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        password?: string;
                        roles: ("admin" | "organizer" | "evaluator" | "reporter" | "viewer" | "secadmin" | "auditor")[];
                        unit: string | number;
                        username: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserWithSecret"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户 a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改用户、停用、重置密码 update, deactivate, reset password */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        displayName?: string;
                        /** @enum {boolean} */
                        resetPassword?: true;
                        roles?: ("admin" | "organizer" | "evaluator" | "reporter" | "viewer" | "secadmin" | "auditor")[];
                        unit?: string | number;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserWithSecret"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 接口令牌 API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建接口令牌（仅显示一次）create an API token, shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default script */
                        name?: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            info: components["schemas"]["ApiToken"];
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 撤销接口令牌 revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tokenId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 重置用户的两步验证（安全管理员）reset a user’s second factor */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送地址（系统管理员）webhooks; event kinds: deadline.3d, deadline.1d, deadline.overdue, round.notice, appeal.decided, rectification.due */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Webhook"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增推送地址；密钥只在此次返回 add a webhook; the secret is returned this once only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        kinds: ("deadline.3d" | "deadline.1d" | "deadline.overdue" | "round.notice" | "appeal.decided" | "rectification.due")[];
                        secret?: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            createdAt: string;
                            description: string | null;
                            id: number;
                            kinds: string[];
                            secret: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除推送地址 delete a webhook */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 停用、启用或改事件 pause, resume or change kinds */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        kinds?: ("deadline.3d" | "deadline.1d" | "deadline.overdue" | "round.notice" | "appeal.decided" | "rectification.due")[];
                    };
                };
            };
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送记录 delivery log (newest first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "4XX": components["responses"]["Error"];
                "5XX": components["responses"]["Error"];
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiToken: {
            createdAt: string;
            id: number;
            lastUsedAt: string | null;
            name: string;
            prefix: string;
            revokedAt: string | null;
        };
        Appeal: {
            decidedAt: string | null;
            decidedBy: number | null;
            decisionReason: string | null;
            filedAt: string;
            filedBy: number | null;
            id: number;
            indicator: string;
            newValue: number | null;
            oldValue: number | null;
            reason: string;
            roundId: number;
            /** @enum {string} */
            status: "pending" | "upheld" | "rejected";
            unit?: components["schemas"]["UnitName"];
            unitId: number;
        };
        AssessedUnit: {
            adjustmentPoints: number;
            adjustments: {
                id?: number;
                item: string;
                /** @enum {string} */
                kind: "bonus" | "deduction" | "veto";
                name: string;
                points: number;
                reason: string;
                unit: string;
            }[];
            class: string;
            className: string;
            code: string;
            components: {
                contestId: number;
                contribution: number;
                points: number;
                rounds: {
                    flag: components["schemas"]["FlagColor"] | null;
                    period: string;
                    points: number;
                    rank: number;
                    total: number;
                }[];
                title: string;
                weight: number;
            }[];
            flagPoints: number;
            grade: string;
            lines: {
                detail: string;
                /** @enum {string} */
                kind: "flags" | "contest" | "veto" | "cap" | "adjustment" | "rating";
                label: string;
                points: number;
            }[];
            name: string;
            rank: number;
            ratings: {
                code: string;
                contribution: number;
                count: number;
                dropped: number[];
                mean: number;
                name: string;
                points: number;
                weight: number;
            }[];
            red: number;
            total: number;
            vetoed: boolean;
            yellow: number;
        };
        Assessment: {
            id: number;
            may: {
                correct: boolean;
                decide: boolean;
                manage: boolean;
                propose: boolean;
                proposeFor: string[];
                publish: boolean;
                rate: boolean;
                readAll: boolean;
            };
            organizer: components["schemas"]["UnitName"];
            participants: components["schemas"]["UnitName"][];
            publishedAt: string | null;
            scheme: components["schemas"]["Scheme"];
            /** @enum {string} */
            state: "draft" | "published";
            title: string;
            version: number;
            versions: {
                by: string | null;
                created_at: string;
                kind: string;
                reason: string | null;
                version: number;
            }[];
            year: number;
        };
        AssessmentGrades: {
            bottom: {
                name: string;
                percent: number;
            }[];
            otherwise: string;
            top: {
                name: string;
                percent: number;
            }[];
        };
        AuditEvent: {
            action: string;
            actorName: string;
            actorUserId: number | null;
            after: unknown;
            at: string;
            before: unknown;
            entityId: string;
            entityName?: string;
            entityType: string;
            hash: string;
            id: number;
            unitId: number | null;
            unitNames?: {
                [key: string]: string;
            };
        };
        Branch: {
            id: number;
            may: components["schemas"]["BranchMay"];
            name: string;
            unitCode: string;
            unitId: number;
            unitName: string;
        };
        BranchBrief: {
            id: number;
            name: string;
            unitId: number;
        };
        BranchMay: {
            answer: boolean;
            keep: boolean;
            manage: boolean;
            read: boolean;
            record: boolean;
            review: boolean;
        };
        Claim: {
            awarded: number;
            createdAt: string;
            householdId: number;
            id: number;
            results: {
                [key: string]: "pass" | "fail";
            } | null;
            /** @enum {string} */
            stage: "claimed" | "reviewed" | "checked" | "filed" | "rejected" | "revoked";
            stars: number[];
            updatedAt: string;
            year: number;
        };
        ClaimStep: {
            at: string;
            claimId: number;
            id: number;
            note: string | null;
            results: {
                [key: string]: "pass" | "fail";
            } | null;
            /** @enum {string} */
            step: "claim" | "villagers" | "committee" | "filing" | "yearly_review" | "revoke";
            userId: number | null;
        };
        ClassRule: {
            organizer?: number;
            rule: {
                improveBelow: number;
                /** @enum {string} */
                mode: "thresholds";
                vanguardAtLeast: number;
            } | {
                improveShare: number;
                /** @enum {string} */
                mode: "quotas";
                vanguardShare: number;
            };
            unit?: number;
        };
        Contest: {
            /** @enum {string} */
            cadence: "week" | "month" | "quarter" | "year";
            category: string;
            createdAt: string;
            description: string | null;
            evaluators: {
                [key: string]: components["schemas"]["UnitRef"];
            };
            extraCadences: ("week" | "month" | "quarter" | "year")[];
            flagCadences: ("week" | "month" | "quarter" | "year")[];
            groups: string[];
            id: number;
            isTemplate: boolean;
            may: {
                instantiate: boolean;
                manage: boolean;
                read: boolean;
                readLinkage: boolean;
            };
            noticeDays: number;
            organizer: components["schemas"]["UnitRef"];
            participants: {
                code: string;
                group: string;
                id: number;
                kind: string;
                name: string;
            }[];
            rounds: {
                deadline: string | null;
                id: number;
                period: string;
                revision: number;
                /** @enum {string} */
                state: "draft" | "collecting" | "reviewing" | "notice" | "published";
            }[];
            rubricVersions: {
                publishedAt: string | null;
                /** @enum {string} */
                status: "draft" | "published";
                version: number;
            }[];
            templateId: number | null;
            title: string;
        };
        ContestRef: {
            category: string;
            id: number;
            title: string;
        };
        ContestSummary: {
            /** @enum {string} */
            cadence: "week" | "month" | "quarter" | "year";
            category: string;
            createdAt: string;
            description: string | null;
            extraCadences: ("week" | "month" | "quarter" | "year")[];
            flagCadences: ("week" | "month" | "quarter" | "year")[];
            id: number;
            isTemplate: boolean;
            noticeDays: number;
            organizer: components["schemas"]["UnitRef"];
            templateId: number | null;
            title: string;
        };
        Dispute: {
            answer: string | null;
            answeredAt: string | null;
            answeredBy: number | null;
            filedAt: string;
            filedBy: number | null;
            id: number;
            reason: string;
            recordId: number;
            /** @enum {string} */
            status: "upheld" | "open" | "dismissed";
        };
        Entry: {
            editable: boolean;
            enteredAt: string;
            id: number;
            indicator: string;
            note: string | null;
            unit: string;
            unitId: number;
            value: number | null;
            version: number;
        };
        /** @description 错误（DESIGN §5） */
        Error: {
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "BAD_REQUEST" | "UNKNOWN_PARENT" | "UNKNOWN_UNIT" | "UNKNOWN_DIVISION" | "UNIT_REQUIRED" | "WRONG_PASSWORD" | "WEAK_PASSWORD" | "PASSWORD_REUSED" | "TOTP_CODE_WRONG" | "INVALID_RUBRIC" | "INVALID_ENTRIES" | "INVALID_SHEET" | "INVALID_POLICY" | "BAD_FILE" | "UNKNOWN_INDICATOR" | "BAD_PERIOD" | "NO_PARTICIPANTS" | "OUTSIDE_SUBTREE" | "NO_YELLOW_FLAG" | "NON_FINITE_SCORE" | "LIGHT_COMPUTED" | "NEEDS_CONFIRMATION" | "MILESTONE_ORDER" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "TOTP_REQUIRED" | "TOTP_INVALID" | "FORBIDDEN" | "CSRF_FAILED" | "SELF_REVIEW" | "PASSWORD_CHANGE_REQUIRED" | "PASSWORD_EXPIRED" | "TOTP_SETUP_REQUIRED" | "NOT_FOUND" | "UNIT_NOT_FOUND" | "USER_NOT_FOUND" | "CONTEST_NOT_FOUND" | "ROUND_NOT_FOUND" | "RUBRIC_NOT_FOUND" | "SERIES_NOT_FOUND" | "NOTHING_TO_FILL" | "CONFLICT" | "DUPLICATE_CODE" | "DUPLICATE_USERNAME" | "DUPLICATE_PERIOD" | "DUPLICATE_APPEAL" | "CYCLE" | "SELF_LOCKOUT" | "ALREADY_INITIALISED" | "NO_RESULTS" | "NO_PUBLISHED_RUBRIC" | "APPEAL_DECIDED" | "APPEALS_PENDING" | "INVALID_TRANSITION" | "RUBRIC_FROZEN" | "ROUND_CLOSED" | "DERIVED_ROUND" | "NOT_A_TEMPLATE" | "INSTANCE_EXISTS" | "ROUND_NOT_PUBLISHED" | "NOTICE_NOT_ENDED" | "NOTICE_ENDED" | "NOT_ALL_READY" | "RECTIFICATION_STATE" | "TOTP_NOT_ENROLLING" | "ROLE_CONFLICT" | "MEMBER_TRANSFERRED" | "HOUSEHOLD_BARRED" | "INSUFFICIENT_POINTS" | "OUT_OF_STOCK" | "PAYLOAD_TOO_LARGE" | "FILE_TOO_LARGE" | "UNSUPPORTED_FILE" | "UNSUPPORTED_MEDIA_TYPE" | "RATE_LIMITED" | "INTERNAL" | "DATABASE_UNAVAILABLE";
                details?: {
                    params?: {
                        [key: string]: string | number;
                    };
                    problems?: components["schemas"]["Problem"][];
                } & {
                    [key: string]: unknown;
                };
                /** @description 中文，供用户阅读 */
                message: string;
            };
        };
        Evidence: {
            contentType: string;
            entryId: number;
            filename: string;
            id: number;
            indicator: string;
            size: number;
            unit: string;
            uploadedAt: string;
        };
        /** @enum {string} */
        FlagColor: "red" | "yellow";
        FlagTally: {
            contests: {
                category: string;
                id: number;
                red: number;
                title: string;
                yellow: number;
            }[];
            red: number;
            unit: components["schemas"]["UnitBrief"];
            yellow: number;
        };
        Household: {
            barredUntil: string | null;
            groupName: string | null;
            headName: string;
            id: number;
            size: number | null;
            unitId: number;
        };
        LedgerProblem: {
            closedOn: string | null;
            closedOnTime: boolean | null;
            daysOverdue: number;
            deadline: string | null;
            detail: string | null;
            id: number;
            overdue: boolean;
            owner: {
                code: string;
                name?: string | null;
            } | null;
            ownerUnitId: number | null;
            project?: {
                code: string;
                name?: string;
                unit?: string;
            };
            projectId: number;
            raisedOn: string;
            reply: string | null;
            /** @enum {string} */
            state: "raised" | "assigned" | "reminded" | "escalated" | "replied" | "confirmed" | "closed";
            stateName: string;
            title: string;
        };
        /** @enum {string} */
        Light: "red" | "yellow" | "green";
        ManagedPractice: {
            bodyHtml: string;
            contestId: number;
            createdAt: string;
            id: number;
            publishedAt: string | null;
            roundId: number | null;
            /** @enum {string} */
            status: "draft" | "published";
            summary: string | null;
            title: string;
            unitId: number;
            updatedAt: string;
        };
        MarketItem: {
            active: boolean;
            cost: number;
            id: number;
            name: string;
            stock: number;
            unitId: number;
        };
        Member: {
            birthYear: number;
            branchId: number;
            gender: string;
            id: number;
            joinedOn: string;
            name: string;
            /** @enum {string} */
            status: "active" | "transferred_out";
            transferredInOn: string | null;
            transferredOutOn: string | null;
            userId: number | null;
        };
        Notification: {
            body: string;
            createdAt: string;
            entityId: number | null;
            entityType: string | null;
            id: number;
            kind: string;
            link: string | null;
            readAt: string | null;
            title: string;
        };
        /** @enum {string} */
        PointsClass: "vanguard" | "qualified" | "improve";
        PointsRecord: {
            branchId: number;
            createdAt: string;
            hasEvidence: boolean;
            id: number;
            memberId: number;
            note: string | null;
            occurredOn: string;
            points: number;
            recordedBy: number | null;
            reviewedAt: string | null;
            reviewedBy: number | null;
            reviewNote: string | null;
            revision: boolean;
            ruleId: number;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        /** @description 一处问题：表格的单元格、批量的一项、评分标准或请求的字段 */
        Problem: {
            cell?: string | null;
            code: string;
            column?: string;
            field?: string;
            index?: number;
            indicator?: string;
            line?: number;
            /** @description 中文；网页按 code + params 以用户语言显示 */
            message: string;
            params?: {
                [key: string]: string | number;
            };
            row?: number;
            sheet?: string | null;
            unit?: string;
            value?: string;
        };
        Project: {
            code: string;
            description: string | null;
            id: number;
            industry: string | null;
            investments: {
                completed: number | null;
                month: string;
                planned: number | null;
            }[];
            /** @enum {string} */
            kind: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
            kindName: string;
            light: components["schemas"]["Light"] | null;
            lightHistory: {
                light: string;
                month: string;
                reasons: string[];
                ytdCompleted: number;
                ytdPlanned: number;
            }[];
            lightName: string | null;
            lightReasons: string[];
            location: string | null;
            logs: {
                date: string;
                id: number;
                kind: string;
                kindName: string;
                photos: string[];
                text: string;
                who: string;
            }[];
            may: {
                manage: boolean;
                plan: boolean;
                read: boolean;
                report: boolean;
            };
            milestones: {
                actual: string | null;
                daysLate: number;
                id: number;
                kind: string;
                name: string;
                planned: string;
            }[];
            name: string;
            readonly nextStates: ("planning" | "reserve" | "active" | "completed" | "retired" | "withdrawn" | "suspended")[];
            owner: string | null;
            published: boolean;
            publishInvestment: boolean;
            startYear: number;
            /** @enum {string} */
            state: "planning" | "reserve" | "active" | "completed" | "retired" | "withdrawn" | "suspended";
            stateName: string;
            stateReason: string | null;
            supplementReason: string | null;
            taskforce: components["schemas"]["Taskforce"] | null;
            totalInvestment: number;
            totals: {
                sinceStartRate: number | null;
                totalCompleted: number;
                year: number;
                yearPlanned: number;
                yearRate: number | null;
                ytdCompleted: number;
                ytdPlanned: number;
                ytdRate: number | null;
            };
            unit: components["schemas"]["UnitName"];
        };
        ProjectSummary: {
            code: string;
            id: number;
            industry: string | null;
            /** @enum {string} */
            kind: "key_project" | "critical_project" | "key_enterprise" | "urban_work" | "key_task";
            kindName: string;
            light: components["schemas"]["Light"] | null;
            lightName: string | null;
            lightReasons: string[];
            location: string | null;
            name: string;
            owner: string | null;
            published: boolean;
            publishInvestment: boolean;
            startYear: number;
            /** @enum {string} */
            state: "planning" | "reserve" | "active" | "completed" | "retired" | "withdrawn" | "suspended";
            stateName: string;
            totalInvestment: number;
            unit: components["schemas"]["UnitName"];
        };
        PublicNotice: {
            contest: components["schemas"]["ContestRef"];
            id: number;
            noticeEndsAt: string | null;
            noticeStartedAt: string | null;
            period: string;
            periodLabel: string;
            results: {
                code: string;
                flag: components["schemas"]["FlagColor"] | null;
                group: string;
                name: string;
                rank: number;
                total: number;
            }[];
            stateName: string;
        };
        PublicPracticeSummary: {
            contest: {
                id: number;
                title: string;
            };
            id: number;
            period: string | null;
            periodLabel: string | null;
            publishedAt: string | null;
            roundId: number | null;
            summary: string | null;
            title: string;
            unit: components["schemas"]["UnitName"];
        };
        QueueItem: {
            branchId: number;
            category: string;
            createdAt: string;
            hasEvidence: boolean;
            id: number;
            item: string;
            may: {
                review: boolean;
            };
            memberId: number;
            memberName: string;
            note: string | null;
            occurredOn: string;
            points: number;
            recordedBy: number | null;
            reviewedAt: string | null;
            reviewedBy: number | null;
            reviewNote: string | null;
            revision: boolean;
            ruleId: number;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        Rectification: {
            commitment: string | null;
            contest: components["schemas"]["ContestRef"];
            contestId: number;
            createdAt: string;
            deadline: string;
            id: number;
            interviewNote: string | null;
            interviewOn: string | null;
            interviewRequired: boolean;
            may: {
                decide: boolean;
                interview: boolean;
                submit: boolean;
            };
            measures: string | null;
            overdue: boolean;
            period: string;
            periodLabel: string;
            returnReason: string | null;
            roundId: number;
            signedOffAt: string | null;
            signedOffBy: number | null;
            /** @enum {string} */
            state: "open" | "submitted" | "signed_off";
            /** @enum {string} */
            stateName: "待整改" | "待销号" | "已销号";
            submittedAt: string | null;
            submittedBy: number | null;
            unit: components["schemas"]["UnitBrief"];
            unitId: number;
        };
        Redemption: {
            createdAt: string;
            id: number;
            itemId: number;
            memberId: number;
            points: number;
            quantity: number;
            recordedBy: number | null;
            redeemedOn: string;
        };
        Results: {
            items: components["schemas"]["UnitResult"][];
            period: string;
            revision: number;
            roundId: number;
            /** @enum {string} */
            state: "draft" | "collecting" | "reviewing" | "notice" | "published";
            total: number;
        };
        Round: {
            contest: {
                /** @enum {string} */
                cadence: "week" | "month" | "quarter" | "year";
                category: string;
                id: number;
                title: string;
            };
            deadline: string | null;
            derivation: {
                from: string[];
                method: string;
            } | null;
            id: number;
            may: {
                appeal: boolean;
                correct: boolean;
                decideAppeals: string[];
                evaluates: string[];
                fill: boolean;
                importSheet: boolean;
                manage: boolean;
                readResults: boolean;
                reportsFor: string | null;
                transition: ("draft" | "collecting" | "reviewing" | "notice" | "published")[];
                verify: string[];
            };
            readonly nextStates: ("draft" | "collecting" | "reviewing" | "notice" | "published")[];
            notice: {
                earlyReason: string | null;
                endsAt: string;
                startedAt: string;
            } | null;
            period: string;
            periodLabel: string;
            publishedAt: string | null;
            revision: number;
            rubric: components["schemas"]["Rubric"];
            rubricVersion: number;
            /** @enum {string} */
            state: "draft" | "collecting" | "reviewing" | "notice" | "published";
            stateName: string;
        };
        /** @description rubric (DESIGN §3) */
        Rubric: {
            description?: string;
            flags: {
                minGroup?: number;
                red?: {
                    minScore?: number;
                    top?: number;
                    topPercent?: number;
                };
                yellow?: {
                    below?: number;
                    bottom?: number;
                    bottomPercent?: number;
                };
            };
            indicators: ({
                bands?: (number)[][];
                /** @enum {string} */
                better: "higher" | "lower";
                code: string;
                description?: string;
                floor?: number;
                /** @enum {string} */
                kind: "scored";
                /** @enum {string} */
                method: "range" | "rank" | "manual" | "target" | "relative" | "bands";
                name: string;
                plausible?: (number)[];
                points: number;
                source?: string;
                step?: number;
                target?: number;
                unit?: string;
            } | {
                cap?: number;
                code: string;
                description?: string;
                /** @enum {string} */
                kind: "bonus" | "deduction";
                name: string;
                per: number;
            } | {
                code: string;
                description?: string;
                /** @enum {string} */
                kind: "veto";
                name: string;
            })[];
            precision: number;
            /** @enum {string} */
            ranking: "competition" | "dense";
            tieBreak: string[];
            title: string;
        };
        RubricVersion: {
            contestId: number;
            createdAt: string;
            publishedAt: string | null;
            rubric: components["schemas"]["Rubric"];
            source: string;
            /** @enum {string} */
            status: "draft" | "published";
            version: number;
        };
        Rule: {
            active: boolean;
            category: string;
            categoryCap: number | null;
            id: number;
            item: string;
            itemCap: number | null;
            organizerUnitId: number;
            points: number;
        };
        Scheme: {
            adjustments?: {
                bonusCap?: number;
                deductionCap?: number;
                items: {
                    cap?: number;
                    code: string;
                    grade?: string;
                    /** @enum {string} */
                    kind: "bonus" | "deduction" | "veto";
                    name: string;
                }[];
            };
            classes?: {
                code: string;
                grades?: components["schemas"]["AssessmentGrades"];
                name: string;
                units: string[];
            }[];
            components: {
                /** @enum {string} */
                aggregate: "mean" | "sum" | "latest";
                contestId: number;
                conversion: {
                    first: number;
                    last: number;
                    /** @enum {string} */
                    method: "rank-linear";
                } | {
                    /** @enum {string} */
                    method: "relative-to-best";
                    points: number;
                } | {
                    /** @enum {string} */
                    method: "total";
                };
                title: string;
                weight: number;
            }[];
            flagPoints: {
                red: number;
                yellow: number;
            };
            grades: components["schemas"]["AssessmentGrades"];
            precision: number;
            ratings?: {
                code: string;
                max: number;
                name: string;
                raters: {
                    classes?: string[];
                    user: string;
                }[];
                trimFrom?: number;
                weight: number;
            }[];
            weightTotal?: number;
        };
        Series: {
            contestIds: number[];
            contests: {
                /** @enum {string} */
                cadence: "week" | "month" | "quarter" | "year";
                category: string;
                id: number;
                round: {
                    deadline: string | null;
                    id: number;
                    noticeEndsAt: string | null;
                    period: string;
                    revision: number;
                    /** @enum {string} */
                    state: "draft" | "collecting" | "reviewing" | "notice" | "published";
                    stateName: string;
                } | null;
                runsAtPeriod: boolean | null;
                title: string;
            }[];
            copyTo: string | null;
            createdAt: string;
            docPrefix: string;
            id: number;
            may: {
                manage: boolean;
            };
            office: string;
            organizer: components["schemas"]["UnitBrief"];
            printedBy: string | null;
            tallies: {
                period?: components["schemas"]["SeriesTallies"];
                year?: components["schemas"]["SeriesTallies"];
            };
            title: string;
        };
        SeriesStep: {
            changed: number;
            dryRun: boolean;
            lines: {
                /** @enum {string} */
                action: "move" | "open" | "skip" | "refused";
                contest: {
                    id: number;
                    title: string;
                };
                flags?: {
                    red: string[];
                    yellow: string[];
                };
                /** @enum {string|null} */
                from: "draft" | "collecting" | "reviewing" | "notice" | "published" | null;
                message: string;
                roundId: number | null;
                /** @enum {string|null} */
                to: "draft" | "collecting" | "reviewing" | "notice" | "published" | null;
            }[];
        };
        SeriesSummary: {
            contestIds: number[];
            copyTo: string | null;
            createdAt: string;
            docPrefix: string;
            id: number;
            office: string;
            organizer: components["schemas"]["UnitBrief"];
            printedBy: string | null;
            title: string;
        };
        SeriesTallies: {
            period?: string;
            periodLabel?: string;
            red: number;
            redUnits: number;
            units: {
                contests: {
                    color: components["schemas"]["FlagColor"];
                    id: number;
                    period: string;
                    title: string;
                }[];
                red: number;
                unit: components["schemas"]["UnitBrief"];
                yellow: number;
            }[];
            year?: number;
            yellow: number;
            yellowUnits: number;
        };
        Session: {
            csrfToken: string;
            effectiveRoles: ("admin" | "organizer" | "evaluator" | "reporter" | "viewer" | "secadmin" | "auditor")[];
            expiresAt: string;
            may: {
                createContests: boolean;
                pointsBoards: boolean;
            };
            previousSignIn?: {
                at: string | null;
                failuresSince: number;
                ip: string | null;
            };
            /** @enum {string|null} */
            restriction: "password_first" | "password_expired" | "totp_setup" | null;
            separationOfDuties: boolean;
            totpEnabled: boolean;
            unit: components["schemas"]["UnitRef"];
            unitPath: components["schemas"]["UnitRef"][];
            user: components["schemas"]["User"];
        };
        Star: {
            active: boolean;
            criteria: string;
            id: number;
            name: string;
            organizerUnitId: number;
        };
        StatementLine: {
            branchId: number;
            category: string;
            /** @enum {string|null} */
            clampedBy: "item" | "category" | null;
            counted: number;
            createdAt: string;
            disputes: {
                answer: string | null;
                answeredAt: string | null;
                answeredBy: number | null;
                filedAt: string;
                filedBy: number | null;
                id: number;
                may: {
                    answer: boolean;
                };
                reason: string;
                recordId: number;
                /** @enum {string} */
                status: "upheld" | "open" | "dismissed";
            }[];
            hasEvidence: boolean;
            id: number;
            item: string;
            memberId: number;
            note: string | null;
            occurredOn: string;
            points: number;
            recordedBy: number | null;
            reviewedAt: string | null;
            reviewedBy: number | null;
            reviewNote: string | null;
            revision: boolean;
            ruleId: number;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        Taskforce: {
            department: components["schemas"]["UnitName"] | null;
            head: string;
            id: number;
            leaderPost: string;
            members: string[];
            name: string;
        };
        Unit: {
            active: boolean;
            childCount: number;
            code: string;
            id: number;
            /** @enum {string} */
            kind: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
            name: string;
            parentId: number | null;
            path?: components["schemas"]["UnitRef"][];
        };
        UnitBrief: {
            code: string;
            id: number;
            name: string;
        };
        UnitChange: {
            after: {
                flag: string | null;
                rank: number;
                total: number;
            };
            before: {
                flag: string | null;
                rank: number;
                total: number;
            };
            code: string;
            name: string;
        };
        UnitName: {
            code: string;
            name: string;
        };
        UnitRef: {
            code: string;
            id: number;
            /** @enum {string} */
            kind: "province" | "city" | "county" | "street" | "town" | "township" | "village" | "community" | "department" | "other";
            name: string;
        };
        UnitResult: {
            code: string;
            flag: components["schemas"]["FlagColor"] | null;
            gapToNext: number | null;
            gapToRed: number | null;
            group: string;
            indicators: {
                [key: string]: {
                    rank: number | null;
                    score: number | null;
                    value: number | null;
                };
            };
            missing: string[];
            name: string;
            overallRank: number;
            previousRank: number | null;
            rank: number;
            rankChange: number | null;
            total: number;
            totalChange: number | null;
            vetoed: boolean;
        };
        User: {
            active: boolean;
            createdAt: string;
            displayName: string;
            id: number;
            roles: ("admin" | "organizer" | "evaluator" | "reporter" | "viewer" | "secadmin" | "auditor")[];
            unit?: components["schemas"]["UnitBrief"];
            unitId: number;
            username: string;
        };
        UserWithSecret: {
            password?: string;
            user: components["schemas"]["User"];
        };
        Verification: {
            by: string;
            checkedOn: string;
            createdAt: string;
            entryId: number;
            finding: string;
            id: number;
            indicator: string;
            /** @enum {string} */
            kind: "daily" | "field_check";
            unit: string;
        };
        Webhook: {
            active: boolean;
            createdAt: string;
            description: string | null;
            id: number;
            kinds: string[];
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            createdAt: string;
            deliveredAt: string | null;
            eventId: number;
            id: number;
            kind: string;
            lastError: string | null;
            lastStatus: number | null;
            nextAttemptAt: string | null;
            status: string;
        };
    };
    responses: {
        /** @description 错误 error */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
